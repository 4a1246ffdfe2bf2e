import { useThemePreference, type ThemePreference } from '@/ui/theme'

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' }
const LABEL: Record<ThemePreference, string> = {
  system: 'Theme: system',
  light: 'Theme: light',
  dark: 'Theme: dark',
}

export function ThemeToggle() {
  const [preference, setPreference] = useThemePreference()
  return (
    <button
      type="button"
      className="button button-ghost"
      onClick={() => {
        setPreference(NEXT[preference])
      }}
      aria-label={`${LABEL[preference]}. Switch to ${NEXT[preference]}.`}
      title={`${LABEL[preference]} (click for ${NEXT[preference]})`}
    >
      {preference === 'dark' ? '☾' : preference === 'light' ? '☀' : '◐'}
    </button>
  )
}
