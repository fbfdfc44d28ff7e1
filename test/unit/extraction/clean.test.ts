import { cleanArticleText } from '../../../src/domain/extraction';

const ARTICLE = [
  '---',
  'url: https://example.org/story',
  'publisher: The Harbor Gazette',
  'date: 2026-03-02',
  'language: en',
  '---',
  '# Harbor bridge repairs to cost $48 million',
  '',
  'We use cookies to improve your experience on this site.',
  '',
  'Share this article',
  '',
  'The city will spend $48 million  repairing the bridge,',
  'officials said on Monday.',
  '',
  '',
  '',
  '“It is safe today,” said Mayor Elena Park.',
  '',
  'Follow The Harbor Gazette on Facebook',
  '',
  'Related: Ferry fares to rise in May',
  '',
  'More Stories Today',
  '',
  'Ferry fares to rise in May',
  '',
  'New mayor sworn in',
  '',
  'Leave a Reply',
  '',
].join('\r\n');

describe('cleanArticleText', () => {
  it('reads the front matter into fields', () => {
    expect(cleanArticleText(ARTICLE).frontMatter).toEqual({
      url: 'https://example.org/story',
      publisher: 'The Harbor Gazette',
      date: '2026-03-02',
      language: 'en',
    });
  });

  it('takes the first non-empty line as the title, without the markdown heading mark', () => {
    expect(cleanArticleText(ARTICLE).title).toBe('Harbor bridge repairs to cost $48 million');
  });

  it('strips cookie notices and share lines before the story and related stories after it', () => {
    const { body } = cleanArticleText(ARTICLE);
    expect(body.startsWith('The city will spend')).toBe(true);
    expect(body.endsWith('said Mayor Elena Park.')).toBe(true);
    expect(body).not.toMatch(/cookies|Share this|Follow|Related|More Stories|Ferry fares|Leave a Reply/);
  });

  it('keeps each paragraph exactly, separated by exactly one blank line', () => {
    expect(cleanArticleText(ARTICLE).body).toBe(
      'The city will spend $48 million  repairing the bridge,\nofficials said on Monday.\n\n“It is safe today,” said Mayor Elena Park.',
    );
  });

  it('works without front matter and keeps a story that only looks like chrome when it is long', () => {
    const long = `Follow-up talks on the trade deal are planned for ${'next week and beyond '.repeat(40)}.`;
    const { title, body, frontMatter } = cleanArticleText(`Plain title\n\nFirst paragraph.\n\n${long}`);
    expect(frontMatter).toEqual({});
    expect(title).toBe('Plain title');
    expect(body).toBe(`First paragraph.\n\n${long}`);
  });

  it('drops a trailing list of other headlines whole, but keeps a single sign-off line', () => {
    expect(cleanArticleText('T\n\nStory one.\n\nStory two.\n\nOther Headline A\n\nOther Headline B\n\nOther Headline C').body).toBe(
      'Story one.\n\nStory two.',
    );
    expect(cleanArticleText('T\n\nStory one.\n\nReporting by Jane Doe').body).toBe('Story one.\n\nReporting by Jane Doe');
  });

  it('returns no title and an empty body for blank text', () => {
    expect(cleanArticleText('\n  \n')).toEqual({ title: null, body: '', frontMatter: {} });
  });
});
