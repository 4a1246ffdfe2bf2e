import { describe, expect, it } from 'vitest'
import { artifactKind, previewLimit, type ArtifactKind } from './file-kind'

describe('artifactKind', () => {
  it.each<[string, ArtifactKind]>([
    ['plots/confusion_matrix.png', 'image'],
    ['a.JPG', 'image'],
    ['a.jpeg', 'image'],
    ['anim.gif', 'image'],
    ['x.webp', 'image'],
    ['x.bmp', 'image'],
    ['figure.svg', 'image'],
    ['notes.txt', 'text'],
    ['logs/train.log', 'text'],
    ['job.out', 'text'],
    ['job.err', 'text'],
    ['code/train.py', 'text'],
    ['run.sh', 'text'],
    ['setup.cfg', 'text'],
    ['tox.ini', 'text'],
    ['pyproject.toml', 'text'],
    ['events.jsonl', 'text'],
    ['metrics.json', 'json'],
    ['tables/eval_results.json', 'json'],
    ['shapes.geojson', 'json'],
    ['model/conda.yaml', 'yaml'],
    ['config.YML', 'yaml'],
    ['MLproject', 'yaml'],
    ['README.md', 'markdown'],
    ['predictions.csv', 'csv'],
    ['predictions.tsv', 'tsv'],
    ['report.html', 'html'],
    ['report.htm', 'html'],
    ['paper.pdf', 'pdf'],
    ['model/MLmodel', 'mlmodel'],
    ['MLmodel', 'mlmodel'],
    ['model/mlmodel', 'other'],
    ['model/MLmodel.bak', 'other'],
    ['model/Dockerfile', 'text'],
    ['model/model.pkl', 'other'],
    ['weights.safetensors', 'other'],
    ['.gitignore', 'other'],
    ['noextension', 'other'],
    ['trailingdot.', 'other'],
    ['dir.png/file', 'other'],
    ['', 'other'],
  ])('%s is %s', (path, kind) => {
    expect(artifactKind(path)).toBe(kind)
  })
})

describe('previewLimit', () => {
  const MIB = 1024 * 1024
  it.each<[ArtifactKind, number]>([
    ['image', 20 * MIB],
    ['text', 256 * 1024],
    ['json', 5 * MIB],
    ['csv', 10 * MIB],
    ['html', 10 * MIB],
    ['pdf', 50 * MIB],
    ['other', 0],
  ])('%s previews up to %d bytes', (kind, bytes) => {
    expect(previewLimit(kind)).toBe(bytes)
  })

  it('never exceeds MLflow’s 50 MiB preview limit', () => {
    const kinds: ArtifactKind[] = [
      'image',
      'text',
      'json',
      'yaml',
      'markdown',
      'csv',
      'tsv',
      'html',
      'pdf',
      'mlmodel',
      'other',
    ]
    for (const kind of kinds) expect(previewLimit(kind)).toBeLessThanOrEqual(50 * MIB)
  })
})
