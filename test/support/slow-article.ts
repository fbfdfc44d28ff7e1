/**
 * About 800 KB of attributed sentences, each with a speaker of its own: seconds of extraction work on any
 * machine, so a budget of a few hundred milliseconds is always exceeded, however fast the machine.
 */
export function slowArticleBody(): string {
  const surname = (i: number) => i.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('').replace(/^./, (c) => c.toUpperCase());
  return Array.from({ length: 16_000 }, (_, i) => `Councillor Ann ${surname(i + 1000)} said fares rose by ${i % 90} percent.`).join(' ');
}
