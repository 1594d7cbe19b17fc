import { deleteChangesBefore, insertChange, selectChangesAfter, selectLastChangeIdBefore } from '@/lib/db/changes';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

/* The change log every instance refreshes its caches from (migration 6), on both engines. */

describe.each(ENGINES)('%s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(() => t.close());

  it('hands changes out in order after the last one read, a page at a time', async () => {
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await insertChange(t.db, { atMs: 1000 * i, payload: `{"n":${i}}` }))!);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const firstPage = await selectChangesAfter(t.db, 0, 3);
    expect(firstPage.map((row) => row.payload)).toEqual(['{"n":1}', '{"n":2}', '{"n":3}']);
    const rest = await selectChangesAfter(t.db, firstPage.at(-1)!.id, 3);
    expect(rest.map((row) => [row.payload, row.atMs])).toEqual([
      ['{"n":4}', 4000],
      ['{"n":5}', 5000],
    ]);
    expect(await selectLastChangeIdBefore(t.db, 3500)).toBe(ids[2]);
    expect(await selectLastChangeIdBefore(t.db, 0)).toBe(0);
  });

  it('keeps one row for an event several instances record at once', async () => {
    const recorded = await Promise.all(
      [1, 2, 3].map(() => insertChange(t.db, { atMs: 9000, payload: '{"due":true}', key: 'due:en:a-story:9000' })),
    );
    expect(recorded.filter((id) => id !== null)).toHaveLength(1);
    const rows = await selectChangesAfter(t.db, 0, 100);
    expect(rows.filter((row) => row.payload === '{"due":true}')).toHaveLength(1);
  });

  it('forgets changes older than a time', async () => {
    expect(await deleteChangesBefore(t.db, 2500)).toBe(2);
    expect((await selectChangesAfter(t.db, 0, 100)).map((row) => row.atMs)).toEqual([3000, 4000, 5000, 9000]);
  });
});
