// Renders a client component into a real React root attached to the document
// (react-dom on happy-dom), so focus, clicks and keys behave as on a page.
// Test files that use it start with `// @vitest-environment happy-dom`.
import { act, type ReactElement } from "react";
import { createRoot } from "react-dom/client";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type Rendered = {
  container: HTMLElement;
  rerender: (element: ReactElement) => void;
  unmount: () => void;
};

export function render(element: ReactElement): Rendered {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(element));
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Dispatches a key press on an element, as the browser would to the focused one. */
export function pressKey(target: Element, key: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
}

export function click(target: Element): void {
  act(() => {
    target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
  });
}

export function focus(target: HTMLElement | SVGElement): void {
  act(() => target.focus());
}
