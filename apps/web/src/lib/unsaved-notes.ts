import { useState } from "react";

/** One item's notes editor, as the minutes page sees it before circulating. */
export type NotesEditor = {
  title: string;
  /** Whether the text on screen differs from the text saved. */
  isDirty: () => boolean;
  /** Saves the text on screen; resolves to null once saved, or the reason it is not. */
  save: () => Promise<string | null>;
};

/**
 * The item editors of a draft, so that circulating can save what was typed but not saved first
 * (issue 15: notes were dropped at "Circulate" without a warning). Editors register by item index.
 */
export class UnsavedNotes {
  private readonly editors = new Map<number, NotesEditor>();

  /** Registers an item's editor; returns the function that unregisters it. */
  register(itemIndex: number, editor: NotesEditor): () => void {
    this.editors.set(itemIndex, editor);
    return () => {
      if (this.editors.get(itemIndex) === editor) this.editors.delete(itemIndex);
    };
  }

  /**
   * Saves every item with unsaved notes, in agenda order, and stops at the first that is refused.
   * Resolves to null when everything is saved, or a warning naming the item:
   * "Notes on ‘Crime update’ are not saved: <reason>".
   */
  async saveAll(): Promise<string | null> {
    for (const [, editor] of [...this.editors].sort(([a], [b]) => a - b)) {
      if (!editor.isDirty()) continue;
      const reason = await editor.save();
      if (reason !== null) return `Notes on ‘${editor.title}’ are not saved: ${reason}`;
    }
    return null;
  }
}

/** One registry for the life of the page. */
export function useUnsavedNotes(): UnsavedNotes {
  return useState(() => new UnsavedNotes())[0];
}
