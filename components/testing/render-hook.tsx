// Renders a client hook inside a real React root (react-dom on happy-dom), so
// its refs, callbacks and effects behave as on a page. Test files that use it
// start with `// @vitest-environment happy-dom`.
import { act } from "react";
import { createRoot } from "react-dom/client";

// Tells React that updates are wrapped in act(), so effects run before act returns.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type RenderedHook<Props, Result> = {
  /** What the hook returned on its latest render. */
  result: { current: Result };
  /** Renders again with new props (effects whose dependencies changed run). */
  rerender: (props: Props) => void;
  unmount: () => void;
};

export function renderHook<Props, Result>(hook: (props: Props) => Result, initialProps: Props): RenderedHook<Props, Result> {
  const result = { current: undefined as Result };
  function Probe({ props }: { props: Props }) {
    result.current = hook(props);
    return null;
  }
  const root = createRoot(document.createElement("div"));
  act(() => root.render(<Probe props={initialProps} />));
  return {
    result,
    rerender: (props) => act(() => root.render(<Probe props={props} />)),
    unmount: () => act(() => root.unmount()),
  };
}
