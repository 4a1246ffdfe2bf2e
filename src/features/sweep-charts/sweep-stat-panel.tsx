/** A key picker in a stat panel's controls: `Choose…`, the chosen key even when the runs lack it, then the keys. */
export function SweepStatSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: string
  options: readonly string[]
  onChange: (next: string) => void
}) {
  return (
    <label>
      <span className="label-text">{label}</span>
      <select
        className="input input-small"
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
      >
        <option value="">Choose…</option>
        {value !== '' && !options.includes(value) && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  )
}
