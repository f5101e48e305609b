import { setThemeChoice, useThemeChoice, type ThemeChoice } from "./theme";

/** System, light or dark; the choice is remembered on this browser. */
export function ThemePicker() {
  const choice = useThemeChoice();
  return (
    <label className="theme-picker">
      <span className="visually-hidden">Colour theme</span>
      <select value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}>
        <option value="system">Theme: system</option>
        <option value="light">Theme: light</option>
        <option value="dark">Theme: dark</option>
      </select>
    </label>
  );
}
