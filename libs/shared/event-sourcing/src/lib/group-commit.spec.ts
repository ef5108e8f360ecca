import { GroupCommit } from './group-commit';

/** A group commit whose commits are released by the test, recording each group. */
function recordingGroupCommit(maxSize = 10) {
  const groups: string[][] = [];
  const releases: (() => void)[] = [];
  const commit = new GroupCommit<string, string>({
    key: (item) => item.split(':')[0],
    maxSize,
    commit: async (group) => {
      groups.push([...group]);
      await new Promise<void>((resolve) => releases.push(resolve));
      return group.map((item) => (item.endsWith('!') ? { status: 'rejected', reason: new Error(item) } : { status: 'fulfilled', value: `done ${item}` }));
    },
  });
  const releaseNext = async () => {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()?.();
  };
  return { commit, groups, releaseNext };
}

describe('GroupCommit', () => {
  it('commits items submitted together as one group, each with its own outcome', async () => {
    const { commit, groups, releaseNext } = recordingGroupCommit();
    const results = Promise.allSettled(['a:1', 'b:1!', 'c:1'].map((item) => commit.submit(item)));
    await releaseNext();

    expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['done a:1', 'b:1!', 'done c:1']);
    expect(groups).toEqual([['a:1', 'b:1!', 'c:1']]);
  });

  it('lets items submitted meanwhile wait for the next group, one per key, in order', async () => {
    const { commit, groups, releaseNext } = recordingGroupCommit(3);
    const first = commit.submit('a:1');
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['a:2', 'b:1', 'a:3', 'c:1', 'd:1', 'e:1'].map((item) => commit.submit(item));
    for (let i = 0; i < 3; i++) await releaseNext();
    await Promise.all([first, ...later]);

    expect(groups).toEqual([['a:1'], ['a:2', 'b:1', 'c:1'], ['a:3', 'd:1', 'e:1']]);
  });

  it('fails every item of a group whose commit throws, and goes on with the next', async () => {
    let calls = 0;
    const commit = new GroupCommit<string, string>({
      key: (item) => item,
      maxSize: 10,
      commit: async (group) => {
        if (calls++ === 0) throw new Error('connection lost');
        return group.map((item) => ({ status: 'fulfilled', value: item }));
      },
    });
    await expect(Promise.allSettled([commit.submit('x'), commit.submit('y')])).resolves.toEqual([
      { status: 'rejected', reason: new Error('connection lost') },
      { status: 'rejected', reason: new Error('connection lost') },
    ]);
    await expect(commit.submit('z')).resolves.toBe('z');
  });
});
