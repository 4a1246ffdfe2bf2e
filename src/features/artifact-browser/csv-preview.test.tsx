import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { CsvPreview, TablePreview } from './csv-preview'

function bodyRows(): string[][] {
  const table = screen.getByRole('table')
  const [, body] = within(table).getAllByRole('rowgroup')
  if (body === undefined) throw new Error('no body')
  return within(body)
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-hidden') !== 'true')
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    )
}

describe('CsvPreview', () => {
  it('shows the header, the counts and RFC 4180 fields', () => {
    render(<CsvPreview text={'name,score\r\n"a, b",10\r\n"say ""hi""",9\r\n'} delimiter="," />)
    expect(screen.getByText('2 rows × 2 columns')).toBeTruthy()
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['name', 'score'])
    expect(bodyRows()).toEqual([
      ['a, b', '10'],
      ['say "hi"', '9'],
    ])
  })

  it('sorts numbers numerically and text naturally by clicking or pressing Enter on a header', async () => {
    const user = userEvent.setup()
    render(<CsvPreview text={'file\tsize\nitem10\t100\nitem2\t9\nitem1\t\n'} delimiter={'\t'} />)
    const size = screen.getByRole('button', { name: /size/ })
    await user.click(size)
    expect(screen.getAllByRole('columnheader')[1]?.getAttribute('aria-sort')).toBe('ascending')
    expect(bodyRows().map((r) => r[1])).toEqual(['9', '100', ''])
    await user.click(size)
    expect(bodyRows().map((r) => r[1])).toEqual(['100', '9', ''])
    await user.click(size)
    expect(screen.getAllByRole('columnheader')[1]?.getAttribute('aria-sort')).toBe('none')

    screen.getByRole('button', { name: /file/ }).focus()
    await user.keyboard('{Enter}')
    expect(bodyRows().map((r) => r[0])).toEqual(['item1', 'item2', 'item10'])
  })

  it('renders a window of a 3,000-row file', () => {
    const lines = ['a,b,c,d,e,f']
    for (let i = 0; i < 3000; i++) lines.push(`${String(i)},x,y,z,1.5,"q"`)
    render(<CsvPreview text={lines.join('\n')} delimiter="," />)
    expect(screen.getByText('3,000 rows × 6 columns')).toBeTruthy()
    const shown = bodyRows().length
    expect(shown).toBeGreaterThan(10)
    expect(shown).toBeLessThan(200)
  })

  it('shows what parsed and a message for a malformed file', () => {
    render(<CsvPreview text={'a,b\n1,2\n3,"open\n4,5'} delimiter="," />)
    expect(screen.getByRole('status').textContent).toMatch(/never closes/)
    expect(bodyRows()[0]).toEqual(['1', '2'])
  })
})

describe('TablePreview', () => {
  it('shows a logged JSON table', () => {
    render(<TablePreview columns={['q', 'a']} rows={[['why', '42']]} />)
    expect(screen.getByText('1 row × 2 columns')).toBeTruthy()
    expect(bodyRows()).toEqual([['why', '42']])
  })
})
