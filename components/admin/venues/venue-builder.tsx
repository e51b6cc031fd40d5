"use client";

import { useId, useMemo, useState, type ChangeEvent } from "react";
import { ActionForm, useFormState } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/form-field";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormAction } from "@/lib/actions/server-action";
import { admin } from "@/lib/i18n/ko/admin";
import { seatsOf, toSectionSpecs, type VenueSectionInput } from "@/lib/venues/venue-input";
import { emptySection, parseLayoutFile, SECTION_FIELDS, type SectionDraft } from "./layout-file";
import { VenueDrawing, type DrawnSection } from "./venue-drawing";
import styles from "./venues.module.css";

const t = admin.venues;

type Row = SectionDraft & { key: number };

function whole(text: string): number | null {
  const value = Number(text.replaceAll(",", "").trim());
  return text.trim() !== "" && Number.isInteger(value) && value > 0 ? value : null;
}

function placed(text: string): number | undefined {
  const value = Number(text.trim());
  return text.trim() === "" || !Number.isFinite(value) ? undefined : value;
}

/** The sections the drawing can show now: those with rows and seats, placed as the server will place them. */
function drawable(rows: readonly Row[]): DrawnSection[] {
  const sections: VenueSectionInput[] = [];
  for (const row of rows) {
    const rowCount = whole(row.rows);
    const seatsPerRow = whole(row.seatsPerRow);
    if (!rowCount || !seatsPerRow) continue;
    const box = [placed(row.x), placed(row.y), placed(row.width), placed(row.height)];
    const isPlaced = box.every((value) => value !== undefined) && box[2]! > 0 && box[3]! > 0;
    sections.push({
      name: row.name || "?",
      grade: row.grade || "?",
      rows: Math.min(rowCount, 500),
      seatsPerRow,
      ...(isPlaced ? { x: box[0], y: box[1], width: box[2], height: box[3] } : {}),
    });
  }
  return toSectionSpecs(sections).map((spec, index) => ({ ...spec, seats: seatsOf(sections[index]!) }));
}

/** The submitted rows again after a refusal (the form posted before JavaScript, or refused with it). */
function rowsFrom(values: Record<string, string>): Row[] {
  const rows: Row[] = [];
  for (const [name, value] of Object.entries(values)) {
    const match = /^sections\.(\d+)\.(\w+)$/.exec(name);
    if (!match || !(SECTION_FIELDS as readonly string[]).includes(match[2]!)) continue;
    const index = Number(match[1]);
    rows[index] ??= { ...emptySection(), key: index };
    rows[index][match[2] as keyof SectionDraft] = value;
  }
  const kept = rows.filter(Boolean);
  return kept.length > 0 ? kept : [{ ...emptySection(), key: 0 }];
}

export function VenueBuilder({ action }: { action: FormAction<unknown> }) {
  return (
    <ActionForm action={action} label={t.newTitle} className={styles.builder}>
      <BuilderFields />
    </ActionForm>
  );
}

function BuilderFields() {
  const state = useFormState();
  const [rows, setRows] = useState<Row[]>(() => rowsFrom(state.values));
  const [nextKey, setNextKey] = useState(rows.length);
  const [venueName, setVenueName] = useState(state.values.name ?? "");
  const [importNote, setImportNote] = useState<{ text: string; isError: boolean } | null>(null);
  const drawn = useMemo(() => drawable(rows), [rows]);
  const totalSeats = drawn.reduce((sum, section) => sum + section.seats, 0);
  const importId = useId();

  const update = (key: number, field: keyof SectionDraft, value: string) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const add = () => {
    setRows((current) => [...current, { ...emptySection(), key: nextKey }]);
    setNextKey((key) => key + 1);
  };
  const remove = (key: number) => setRows((current) => (current.length > 1 ? current.filter((row) => row.key !== key) : current));

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const layout = parseLayoutFile(await file.text());
    if (!layout || layout.sections.length === 0) {
      setImportNote({ text: t.importFailed, isError: true });
      return;
    }
    setRows(layout.sections.map((section, index) => ({ ...section, key: nextKey + index })));
    setNextKey((key) => key + layout.sections.length);
    if (layout.name) setVenueName(layout.name);
    setImportNote({ text: t.imported(layout.sections.length), isError: false });
  };

  return (
    <>
      <div className="card stack">
        <TextField
          name="name"
          label={t.fields.name.label}
          defaultValue={venueName}
          key={venueName}
          autoComplete="off"
          required
          maxLength={200}
        />
        <div className={styles.import}>
          <label htmlFor={importId}>{t.importLabel}</label>
          <input id={importId} type="file" accept=".json,.csv,application/json,text/csv" onChange={importFile} aria-describedby={`${importId}-hint`} />
          <p id={`${importId}-hint`} className="field-hint">{t.importHint}</p>
          <p role="status" className={importNote?.isError ? "field-error" : "field-hint"}>{importNote?.text}</p>
        </div>
        {state.fieldErrors.sections && <p className="field-error">{state.fieldErrors.sections}</p>}
        <ol className={styles.sections}>
          {rows.map((row, index) => (
            <SectionFields key={row.key} row={row} index={index} canRemove={rows.length > 1} onChange={update} onRemove={remove} />
          ))}
        </ol>
        <div>
          <button type="button" className="btn btn--small" onClick={add}>{t.addSection}</button>
        </div>
        <TextAreaField name="reason" label={admin.reason.label} hint={admin.reason.hint} required maxLength={500} rows={2} />
        <SubmitButton label={t.submit} pendingLabel={t.pending} />
      </div>
      <aside className={`card ${styles.preview}`} aria-labelledby="venue-preview-title">
        <h2 id="venue-preview-title">{t.previewTitle}</h2>
        <p>
          <span className="muted">{t.totalSeats} </span>
          <output className={styles.seatCount} aria-live="polite">{t.seats(totalSeats)}</output>
        </p>
        <VenueDrawing sections={drawn} label={t.drawingLabel(venueName || t.newTitle)} />
      </aside>
    </>
  );
}

function SectionFields({ row, index, canRemove, onChange, onRemove }: {
  row: Row;
  index: number;
  canRemove: boolean;
  onChange: (key: number, field: keyof SectionDraft, value: string) => void;
  onRemove: (key: number) => void;
}) {
  const state = useFormState();
  const id = useId();
  const field = (name: keyof SectionDraft, label: string, inputMode: "text" | "numeric" = "numeric") => {
    const formName = `sections.${index}.${name}`;
    const error = state.fieldErrors[formName];
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          id={`${id}-${name}`}
          name={formName}
          className="input"
          inputMode={inputMode}
          autoComplete="off"
          value={row[name]}
          onChange={(event) => onChange(row.key, name, event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-${name}-error` : undefined}
        />
        {error && <p id={`${id}-${name}-error`} className="field-error">{error}</p>}
      </div>
    );
  };
  return (
    <li className={styles.section}>
      <div className={styles.sectionHead}>
        <strong>{t.section(index)}</strong>
        {canRemove && (
          <button type="button" className="btn btn--small btn--ghost" onClick={() => onRemove(row.key)}>{t.removeSection(index)}</button>
        )}
      </div>
      <div className={styles.sectionGrid}>
        {field("name", t.fields.sectionName.label, "text")}
        {field("grade", t.fields.grade.label, "text")}
        {field("rows", t.fields.rows.label)}
        {field("seatsPerRow", t.fields.seatsPerRow.label)}
      </div>
      <details className={styles.placement} open={Boolean(row.x || row.y || row.width || row.height) || undefined}>
        <summary>{t.placement}</summary>
        <div className={styles.placementGrid}>
          {field("x", t.fields.x.label)}
          {field("y", t.fields.y.label)}
          {field("width", t.fields.width.label)}
          {field("height", t.fields.height.label)}
        </div>
      </details>
    </li>
  );
}
