import fs from 'node:fs';
import { buildAppSchema, printAppSchema, SCHEMA_FILE } from '../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` and commit the result when it does not)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(printAppSchema(await buildAppSchema())).toBe(committed);
  });
});
