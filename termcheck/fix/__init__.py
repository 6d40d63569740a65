"""Fixing: applying the fixes of findings to text (edits), the fix loop over a run (`lint --fix`,
`--diff`), and the interactive review (`lint --interactive`)."""
