import { classifyAction } from './actionKind';
import { findTemplateSpans } from './templateSpans';

const kind = (text: string) => classifyAction(findTemplateSpans(text).spans[0]);

describe('classifyAction', () => {
  it.each([
    ['{{.ImageName}}', 'podman'],
    ['{{ .State.Health.Status }}', 'podman'],
    ['{{json .}}', 'podman'],
    ['{{range .Mounts}}', 'podman'],
    ['{{.}}', 'podman'],
    ['{{ index .Labels "app" }}', 'podman'],
    ['{{ .chezmoi.hostname }}', 'chezmoi'],
    ['{{- if eq .chezmoi.os "linux" }}', 'chezmoi'],
    ['{{ template "header" . }}', 'chezmoi'],
    ['{{ (bitwardenFields "item" "x").y.value }}', 'chezmoi'],
    ['{{ onepasswordRead "op://vault/item/field" }}', 'chezmoi'],
    ['{{ .piler_tag }}', 'chezmoi'],
    ['{{ if .work }}', 'chezmoi'],
    ['{{ "{{.ID}}" }}', 'chezmoi'],
    ['{{/* note */}}', 'chezmoi'],
    ['{{ $x := 1 }}', 'chezmoi'],
    ['{{ end }}', 'control'],
    ['{{else}}', 'control'],
    ['{{var}}', 'foreign'],
    ['{{ image_tag }}', 'foreign'],
    ['{{#if persistent}}', 'foreign'],
    ['{{/if}}', 'foreign'],
    ['{{> partial}}', 'foreign'],
    ['{{{raw}}}', 'foreign'],
    ['{{ name | upper }}', 'foreign'],
  ])('%s is %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });
});
