import { describe, expect, it } from "vitest";

import { deploymentAreaName, policeForceInSentence } from "./forces";

describe("forces in words", () => {
  it("puts 'the' only before the names that take it", () => {
    expect(policeForceInSentence("metropolitan")).toBe("the Metropolitan Police Service");
    expect(policeForceInSentence("btp")).toBe("the British Transport Police");
    expect(policeForceInSentence("leicestershire")).toBe("Leicestershire Police");
    expect(policeForceInSentence("avon-and-somerset")).toBe("Avon and Somerset Constabulary");
  });

  it("calls every ward of a London deployment London, and another force's its area", () => {
    expect(deploymentAreaName("metropolitan")).toBe("London");
    expect(deploymentAreaName("city-of-london")).toBe("London");
    expect(deploymentAreaName("leicestershire")).toBe("Leicestershire Police's area");
  });
});
