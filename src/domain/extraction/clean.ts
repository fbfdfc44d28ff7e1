/** A plain-text article split into its parts, with the website around it removed. */
export interface CleanedArticle {
  title: string | null;
  body: string;
  frontMatter: Record<string, string>;
}

/** Lines that belong to the website around a story, never to the story. */
const CHROME_LINE: readonly RegExp[] = [
  /^follow\b(?!-).{0,60}\bon\b.{0,40}$/i,
  /^follow us\b/i,
  /^share (?:this|on|via|the)\b/i,
  /^share$/i,
  /^(?:tweet|pin it|email|print|whatsapp|facebook|twitter|linkedin|reddit)(?:\s*[|·•,]\s*\w+)*$/i,
  /^more (?:from|stories|news|in|on)\b/i,
  /^related(?: (?:stories|articles|posts|news|content|coverage|reading))?\s*(?::|$)/i,
  /^read (?:more|also|next|the full)\b/i,
  /^(?:see|you may|you might) also\b/i,
  /^(?:recommended|trending|popular|most read|top stories|latest news|editor(?:'|’)s picks)\b.{0,40}$/i,
  /^leave a (?:reply|comment)\b/i,
  /^(?:\d+\s+)?comments?\s*(?:\(\d+\))?$/i,
  /^(?:subscribe|sign up)\b.{0,80}\bnewsletter\b/i,
  /^subscribe\b.{0,60}$/i,
  /^sign up\b.{0,80}$/i,
  /^(?:advertisement|sponsored|sponsored content|ad|story continues below(?: advertisement)?)$/i,
  /\b(?:we use|this (?:site|website) uses) cookies\b/i,
  /^(?:accept|reject|manage) (?:all )?cookies\b/i,
  /^cookie (?:policy|settings|notice)\b/i,
  /^(?:tags?|filed under|categories|category)\s*:/i,
  /^(?:photo|image|video)(?: credit)?\s*:/i,
  /^(?:copyright|©)\b/i,
  /^all rights reserved\b/i,
  /^(?:home|news)(?:\s*[›>»/|]\s*[\w -]+)+$/i,
  /^(?:previous|next) (?:article|post|story)\b/i,
  /^(?:click|tap) here\b/i,
  /^(?:skip to|jump to) (?:content|main)\b/i,
];

/** Markers after which the rest of the page is lists of other stories. */
const TRAILING_SECTION =
  /^(?:related(?: \w+)?\s*(?::|$)|more (?:from|stories|news|in|on)\b|read (?:more|also|next)\b|you (?:may|might) also\b|recommended\b|trending\b|most read\b|top stories\b|latest news\b|leave a (?:reply|comment)\b|comments?\b)/i;

// A long paragraph is story text even when it opens like chrome.
const isChrome = (paragraph: string): boolean =>
  paragraph.split(/\s+/).length <= 60 && CHROME_LINE.some((re) => re.test(paragraph.trim()));

/** A short line without final punctuation, like a headline in a list of other stories. */
const isHeadlineLike = (paragraph: string): boolean => {
  const text = paragraph.trim();
  return !/[.!?:;"”’)]$/.test(text) && text.split(/\s+/).length <= 16 && !text.includes('\n');
};

const parseFrontMatter = (text: string): { frontMatter: Record<string, string>; rest: string } => {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { frontMatter: {}, rest: text };
  const frontMatter: Record<string, string> = {};
  for (const line of match[1].split('\n')) {
    const field = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    // YAML quoting is undone so `title: "A: B"` reads as `A: B`.
    if (field) frontMatter[field[1].toLowerCase()] = field[2].replace(/^(["'])(.*)\1$/, '$2');
  }
  return { frontMatter, rest: text.slice(match[0].length) };
};

/** Drops the chrome at both ends; a trailing related-stories section goes whole. */
const stripChrome = (paragraphs: string[]): string[] => {
  let first = 0;
  let last = paragraphs.length;
  while (first < last && isChrome(paragraphs[first])) first += 1;
  // A related-stories marker followed only by chrome or headlines ends the story.
  for (let i = first; i < last; i += 1) {
    if (!TRAILING_SECTION.test(paragraphs[i].trim()) || !isHeadlineLike(paragraphs[i])) continue;
    const rest = paragraphs.slice(i + 1, last);
    if (rest.every((p) => isChrome(p) || isHeadlineLike(p))) {
      last = i;
      break;
    }
  }
  last -= trailingHeadlines(paragraphs, first, last);
  while (last > first && isChrome(paragraphs[last - 1])) last -= 1;
  // Standalone chrome inside the story ("Advertisement") is noise too; real paragraphs are never touched.
  return paragraphs.slice(first, last).filter((p) => !isChrome(p));
};

/** A story never ends on a headline: a run of two or more at the end is a list of other stories, dropped whole. */
const trailingHeadlines = (paragraphs: string[], first: number, last: number): number => {
  let run = 0;
  while (last - run - 1 >= first && (isHeadlineLike(paragraphs[last - run - 1]) || isChrome(paragraphs[last - run - 1]))) run += 1;
  // One short line could be a sign-off, and a story is never all headlines.
  return run >= 2 && run < last - first ? run : 0;
};

/**
 * Splits a plain .txt/.md article into front matter, title (its first non-empty line) and body.
 * The body keeps each paragraph's text exactly, joined by one blank line, without the site around it.
 */
export const cleanArticleText = (raw: string): CleanedArticle => {
  const normalised = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { frontMatter, rest } = parseFrontMatter(normalised);
  const lines = rest.split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  const title =
    titleIndex < 0 ? null : lines[titleIndex].trim().replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '') || null;
  const bodyText = titleIndex < 0 ? '' : lines.slice(titleIndex + 1).join('\n');
  const paragraphs = bodyText
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return { title, body: stripChrome(paragraphs).join('\n\n').trim(), frontMatter };
};
