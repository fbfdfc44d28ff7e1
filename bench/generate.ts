/** Deterministic news-like articles for the loading benchmark: attributions, numbers, hedges, denials. */

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PEOPLE = ['Maria Alvarez', 'Daniel Okafor', 'Priya Raman', 'Tomasz Nowak', 'Aiko Tanaka', 'Lucas Ferreira', 'Grace Mensah', 'Henrik Larsen'];
const ROLES = ['an economist at the Northfield Institute', 'a spokesperson for the transport ministry', 'the city treasurer', 'a senior analyst at Harbor Capital'];
const BODIES = ['The Ministry of Finance', 'The city council', 'The regional health authority', 'The central bank', 'Westbrook University'];
const TOPICS = ['bus fares', 'hospital waiting times', 'the housing budget', 'water prices', 'school funding', 'grain exports'];
const VERBS = ['rose', 'fell', 'climbed', 'dropped'];

/** One article: a title and about `sentences` sentences in paragraphs of three. */
export function generateArticle(index: number, sentences = 30): { title: string; body: string } {
  const random = rng(index + 1);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const topic = pick(TOPICS);
  const lines: string[] = [];
  for (let i = 0; i < sentences; i += 1) {
    const person = pick(PEOPLE);
    const body = pick(BODIES);
    const n = Math.floor(random() * 90) + 5;
    const year = 2015 + Math.floor(random() * 10);
    switch (i % 6) {
      case 0: lines.push(`${body} said on Tuesday that ${topic} ${pick(VERBS)} by ${n} percent in ${year}.`); break;
      case 1: lines.push(`“Spending on ${topic} will reach $${n} million next year,” said ${person}, ${pick(ROLES)}.`); break;
      case 2: lines.push(`${person.split(' ')[1]} believes the figure may rise further if the plan is approved.`); break;
      case 3: lines.push(`According to a report by ${body.replace(/^The /, 'the ')}, ${n} projects were delayed in ${year}.`); break;
      case 4: lines.push(`${body} denied that it had cut ${topic} by ${n} percent.`); break;
      default: lines.push(`The weather in the capital was mild as officials gathered for the meeting.`);
    }
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += 3) paragraphs.push(lines.slice(i, i + 3).join(' '));
  return { title: `Report ${index + 1} on ${topic}`, body: paragraphs.join('\n\n') };
}
