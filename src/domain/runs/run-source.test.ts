import { describe, expect, it } from 'vitest'
import { gitCommitUrl, repositoryWebUrl, scriptBaseName, shortCommit } from './run-source'

const SHA = '5d1b0c9e3f2a4b6c8d7e9f0a1b2c3d4e5f6a7b8c'

describe('run source', () => {
  it('shortens a commit to 7 characters and a script path to its file name', () => {
    expect(shortCommit(SHA)).toBe('5d1b0c9')
    expect(scriptBaseName('/home/alice/project/train.py')).toBe('train.py')
    expect(scriptBaseName('C:\\work\\train.py')).toBe('train.py')
    expect(scriptBaseName('train.py')).toBe('train.py')
    expect(scriptBaseName('/notebooks/')).toBe('notebooks')
  })

  it('links a commit on https, scp-like and ssh repository URLs, without .git or credentials', () => {
    expect(gitCommitUrl('https://github.com/org/repo.git', SHA)).toBe(
      `https://github.com/org/repo/commit/${SHA}`,
    )
    expect(gitCommitUrl('https://github.com/org/repo/', SHA)).toBe(
      `https://github.com/org/repo/commit/${SHA}`,
    )
    expect(gitCommitUrl('git@github.com:org/repo.git', SHA)).toBe(`https://github.com/org/repo/commit/${SHA}`)
    expect(gitCommitUrl('ssh://git@gitlab.example.com:2222/group/sub/repo.git', SHA)).toBe(
      `https://gitlab.example.com/group/sub/repo/commit/${SHA}`,
    )
    expect(gitCommitUrl('https://user:token@gitlab.com/group/repo.git', SHA)).toBe(
      `https://gitlab.com/group/repo/commit/${SHA}`,
    )
    expect(gitCommitUrl('git@bitbucket.org:team/repo.git', SHA)).toBe(
      `https://bitbucket.org/team/repo/commits/${SHA}`,
    )
  })

  it('does not link what a browser cannot open or a commit that is not an id', () => {
    expect(gitCommitUrl(undefined, SHA)).toBeUndefined()
    expect(gitCommitUrl('https://github.com/org/repo', undefined)).toBeUndefined()
    expect(gitCommitUrl('https://github.com/org/repo', 'main; rm -rf')).toBeUndefined()
    expect(gitCommitUrl('http://github.com/org/repo', SHA)).toBeUndefined()
    expect(gitCommitUrl('file:///srv/git/repo.git', SHA)).toBeUndefined()
    expect(gitCommitUrl('/srv/git/repo', SHA)).toBeUndefined()
    expect(gitCommitUrl('javascript:alert(1)//github.com/a/b', SHA)).toBeUndefined()
    expect(gitCommitUrl('https://github.com/', SHA)).toBeUndefined()
    expect(repositoryWebUrl('')).toBeUndefined()
  })
})
