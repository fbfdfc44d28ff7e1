import { remembered } from '../../../src/domain/extraction/memo';

describe('remembered', () => {
  it('reads each text once and gives the same answer after, null and undefined answers included', () => {
    const asked: string[] = [];
    const read = remembered((text: string) => {
      asked.push(text);
      return text === 'nothing' ? undefined : text === 'none' ? null : { length: text.length };
    });
    const first = read('Jane Doe');
    expect(read('Jane Doe')).toBe(first);
    expect(read('nothing')).toBeUndefined();
    expect(read('nothing')).toBeUndefined();
    expect(read('none')).toBeNull();
    expect(read('none')).toBeNull();
    expect(asked).toEqual(['Jane Doe', 'nothing', 'none']);
  });

  it('freezes a shared answer, inner objects too, so no caller can change what another one reads', () => {
    const read = remembered((text: string) => ({ name: text, affiliation: { name: 'Council' } }));
    const answer = read('Jane Doe');
    expect(() => {
      (answer as { name: string }).name = 'John Doe';
    }).toThrow(TypeError);
    expect(() => {
      (answer.affiliation as { name: string }).name = 'Board';
    }).toThrow(TypeError);
    expect(read('Jane Doe')).toEqual({ name: 'Jane Doe', affiliation: { name: 'Council' } });
  });

  it('forgets everything past its limit and reads again, so memory stays bounded', () => {
    let reads = 0;
    const read = remembered((text: string) => {
      reads += 1;
      return text.toUpperCase();
    }, 2);
    read('a');
    read('b');
    read('c');
    expect(reads).toBe(3);
    expect(read('c')).toBe('C');
    expect(reads).toBe(3);
    expect(read('a')).toBe('A');
    expect(reads).toBe(4);
  });

  it('reads a long text every time: only names and phrases are kept', () => {
    let reads = 0;
    const read = remembered((text: string) => {
      reads += 1;
      return text.length;
    });
    const paragraph = 'word '.repeat(100);
    expect(read(paragraph)).toBe(500);
    expect(read(paragraph)).toBe(500);
    expect(reads).toBe(2);
  });
});
