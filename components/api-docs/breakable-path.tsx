import { Fragment } from "react";

/** An API path that may wrap after a slash (never inside a segment) on narrow screens. */
export function BreakablePath({ path }: { path: string }) {
  return path.split("/").map((segment, index) => (
    <Fragment key={index}>
      {index > 0 && (
        <>
          <wbr />/
        </>
      )}
      {segment}
    </Fragment>
  ));
}
