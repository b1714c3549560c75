import { Checkbox, FormControl, InputLabel, ListItemText, MenuItem, Select } from '@mui/material'

/** A dropdown of checkboxes; nothing chosen reads as `allLabel` (no filter). */
export function MultiSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  allLabel
}: {
  label: string
  value: T[]
  options: { value: T; label: string }[]
  onChange: (value: T[]) => void
  allLabel: string
}) {
  const id = `setup-${label.toLowerCase()}`
  return (
    <FormControl size="small" sx={{ minWidth: 200, maxWidth: 360 }}>
      <InputLabel id={id} shrink>
        {label}
      </InputLabel>
      <Select
        labelId={id}
        label={label}
        multiple
        displayEmpty
        notched
        value={value}
        renderValue={(selected) => (selected.length === 0 ? allLabel : options.filter((o) => selected.includes(o.value)).map((o) => o.label).join(', '))}
        onChange={(event) => {
          const next = event.target.value
          onChange((typeof next === 'string' ? next.split(',') : next) as T[])
        }}
      >
        {options.map((option) => (
          <MenuItem key={option.value} value={option.value} dense>
            <Checkbox size="small" checked={value.includes(option.value)} />
            <ListItemText primary={option.label} />
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  )
}
