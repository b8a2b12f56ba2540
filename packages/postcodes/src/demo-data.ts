import { fileURLToPath } from "node:url";

/** Camden's 7,528 OS Code-Point Open rows, shipped for the demo and the tests (data/README.md). */
export const CAMDEN_CODE_POINT_PATH = fileURLToPath(new URL("../data/code-point-open/camden.csv", import.meta.url));

/** Test fixtures: an ONSPD-layout excerpt and a file with a row missing a field (test-fixtures/README.md). */
export const POSTCODE_FIXTURES = {
  onspdExcerpt: fileURLToPath(new URL("../test-fixtures/onspd-excerpt.csv", import.meta.url)),
  wrongColumns: fileURLToPath(new URL("../test-fixtures/wrong-columns.csv", import.meta.url)),
};
