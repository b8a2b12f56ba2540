import { describe, expect, it } from "vitest";

import { isStreetKey, normaliseStreet } from "./street.js";

/**
 * [as a call, police.uk or a gazetteer writes it, as a panel published it]: these must share a key.
 * Sources: police.uk's Location column, CAD free text, Royal Mail / OS abbreviations.
 */
const SAME: readonly (readonly [string, string])[] = [
  // police.uk and call-handler prefixes
  ["On or near Marchmont Street", "Marchmont Street"],
  ["on or near marchmont st", "Marchmont Street"],
  ["ON OR NEAR MARCHMONT STREET", "Marchmont Street"],
  ["Near Marchmont Street", "Marchmont Street"],
  ["Nr Marchmont St", "Marchmont Street"],
  ["Outside 12 Marchmont Street", "Marchmont Street"],
  ["O/S 12 Marchmont St", "Marchmont Street"],
  ["Opp. 40 Marchmont Street", "Marchmont Street"],
  ["Opposite Marchmont Street", "Marchmont Street"],
  ["Rear of 5 Marchmont Street", "Marchmont Street"],
  ["At or near Marchmont Street", "Marchmont Street"],
  ["Adj to 7 Marchmont Street", "Marchmont Street"],
  ["Behind 7 Marchmont Street", "Marchmont Street"],
  // house numbers, flats, units, floors
  ["12 Marchmont Street", "Marchmont Street"],
  ["12A Marchmont Street", "Marchmont Street"],
  ["12-14 Marchmont Street", "Marchmont Street"],
  ["12/14 Marchmont Street", "Marchmont Street"],
  ["No. 12 Marchmont Street", "Marchmont Street"],
  ["Flat 3, 12 Marchmont Street", "Marchmont Street"],
  ["Flat 3 12 Marchmont Street", "Marchmont Street"],
  ["Flat B, 12 Marchmont St", "Marchmont Street"],
  ["Apartment 4, 12 Marchmont Street", "Marchmont Street"],
  ["Unit 12B, Marchmont Street", "Marchmont Street"],
  ["Ground Floor, 12 Marchmont Street", "Marchmont Street"],
  ["Ground Floor Flat, 12 Marchmont Street", "Marchmont Street"],
  ["Flat 2, Marchmont House, 14 Marchmont Street", "Marchmont Street"],
  ["Basement Flat 1, 20 Marchmont Street", "Marchmont Street"],
  // trailing localities, towns and postcodes
  ["Marchmont Street, London", "Marchmont Street"],
  ["Marchmont Street, Bloomsbury, London", "Marchmont Street"],
  ["Marchmont Street, London WC1N 1AB", "Marchmont Street"],
  ["Marchmont Street WC1N 1AB", "Marchmont Street"],
  ["Marchmont Street WC1N1AB", "Marchmont Street"],
  ["Marchmont St London WC1N", "Marchmont Street"],
  ["Parkway NW1", "Parkway"],
  ["Parkway, NW1 7AA", "Parkway"],
  ["Marchmont Street London", "Marchmont Street"],
  ["Marchmont Street; WC1N 1AB", "Marchmont Street"],
  ["12A Upr Marchmont St, London WC1N 1AB", "Upper Marchmont Street"],
  ["Bloomsbury, Marchmont Street", "Marchmont Street"],
  ["Granby Street, Leicester, LE1 6FB", "Granby Street"],
  ["Granby St Leicester", "Granby Street"],
  // punctuation, apostrophes, case, accents, "&"
  ["St. John's Rd", "St John's Road"],
  ["St John’s Rd", "Saint Johns Road"],
  ["St Anne'S Lane", "St Annes Lane"],
  ["St James' Road", "St James Road"],
  ["Café Pl", "Cafe Place"],
  ["Bow  Rd", "bow road"],
  ["Elephant & Castle", "Elephant and Castle"],
  ["Shoot-Up Hill", "Shoot Up Hill"],
  ["Co-Op Close", "Co-op Close"],
  ["HIGH STREET", "high street"],
  // St by position
  ["High St", "High Street"],
  ["Elm St Mews", "Elm Street Mews"],
  ["Elm St Mws", "Elm Street Mews"],
  ["High St North", "High Street North"],
  ["High St N", "High Street North"],
  ["St Mary St", "Saint Mary Street"],
  ["St Johns Wood High St", "Saint John's Wood High Street"],
  ["Upper St Martin's Lane", "Upper Saint Martins Lane"],
  ["St Martins", "Saint Martin's"],
  ["Bell St Yard", "Bell Street Yard"],
  ["Manor Rd Extension", "Manor Road Extension"],
  // abbreviations of street types
  ["Elm Ave", "Elm Avenue"],
  ["Elm Av", "Elm Avenue"],
  ["Queen's Gdns", "Queens Gardens"],
  ["Russell Sq", "Russell Square"],
  ["Tavistock Pl", "Tavistock Place"],
  ["Mornington Cres.", "Mornington Crescent"],
  ["Sandown Ct", "Sandown Court"],
  ["Church Ln", "Church Lane"],
  ["Keyham Cl", "Keyham Close"],
  ["Alpine Dr", "Alpine Drive"],
  ["Holly Gr", "Holly Grove"],
  ["Albany Tce", "Albany Terrace"],
  ["Royal Pde", "Royal Parade"],
  ["Vernon Wy", "Vernon Way"],
  ["Kennington Pk", "Kennington Park"],
  ["Market Pl App", "Market Place Approach"],
  ["Alexandra Cotts", "Alexandra Cottages"],
  ["Dorset Bldgs", "Dorset Buildings"],
  ["Groby Rd Gdns", "Groby Road Gardens"],
  ["Victoria Emb", "Victoria Embankment"],
  // qualifiers and directions
  ["Gt Russell St", "Great Russell Street"],
  ["Gt. Ormond St", "Great Ormond Street"],
  ["Upr Marchmont St", "Upper Marchmont Street"],
  ["Upp Richmond Rd", "Upper Richmond Road"],
  ["Lwr Thames St", "Lower Thames Street"],
  ["Lr Clapton Rd", "Lower Clapton Road"],
  ["Lt Somerset St", "Little Somerset Street"],
  ["Mt Pleasant", "Mount Pleasant"],
  ["E Smithfield", "East Smithfield"],
  ["W Cromwell Rd", "West Cromwell Road"],
  ["Putney Rd W", "Putney Road West"],
  ["Kingsway N", "Kingsway North"],
  ["Nth Circular Rd", "North Circular Road"],
  // CAD records as a whole
  ["12a upr marchmont st london wc1n 1ab", "Upper Marchmont Street"],
  ["FLAT 3, 27 GT ORMOND ST, LONDON, WC1N 3JH", "Great Ormond Street"],
  ["o/s 44 St John's Wood High St, NW8", "St Johns Wood High Street"],
  ["Unit 5, 10-12 Lwr Thames St, EC3R 6AE", "Lower Thames Street"],
  ["On or near St George'S Circus", "St Georges Circus"],
  // police.uk's generic places are consistent with themselves
  ["On or near Supermarket", "Supermarket"],
  ["On or near Sports/recreation Area", "Sports/Recreation Area"],
  ["On or near Conference/exhibition Centre", "Conference/Exhibition Centre"],
];

/** Pairs that must not share a key: different streets, or a street and something that is not one. */
const DIFFERENT: readonly (readonly [string, string])[] = [
  ["High Road", "High Street"],
  ["The Broadway", "Broadway"],
  ["Church Lane", "Church Lane East"],
  ["Marchmont Street", "Marchmont Road"],
  ["Marchmont Street", "Upper Marchmont Street"],
  ["Great Russell Street", "Russell Street"],
  ["St Mary Street", "Mary Street"],
  ["Saint Johns Road", "Johns Road"],
  ["Elm Street Mews", "Elm Street"],
  ["Elm Mews", "Elm Street Mews"],
  ["Kingsway", "Kingsway North"],
  ["Lower Marsh", "Marsh"],
  ["London Road", "Road"],
  ["London Wall", "Wall"],
  ["City of London", "City"],
  ["Edgware Road", "Edgware"],
  ["Street", "High Street"],
  ["East Smithfield", "Smithfield"],
  ["West End", "End"],
  ["12 Marchmont Street", "12 Marchmont Road"],
  ["Marchmont Street, London", "London"],
  ["Ground Floor, 12 Marchmont Street", "Ground Street"],
  ["Flat 3, 12 Marchmont Street", "Flat Street"],
  ["Top Road", "Road"],
  ["Dr Johnson Avenue", "Johnson Avenue"],
  ["Parkway", "Park Way"],
  ["Queensway", "Queens Way"],
  ["Station Road", "Petrol Station"],
  ["Station Road", "Police Station"],
  ["Park Road", "Park/Open Space"],
  ["Market Street", "Shopping Area"],
  ["Hospital Road", "Hospital"],
  ["Prison Lane", "Prison"],
  ["Supermarket", "Parking Area"],
  ["A400", "A40"],
  ["A1", "M1"],
  ["A1 Road", "Road"],
];

describe("street pairs: one street however it is written", () => {
  it("has at least 100 pairs", () => {
    expect(SAME.length + DIFFERENT.length).toBeGreaterThanOrEqual(100);
  });

  it.each(SAME)("%s = %s", (written, published) => {
    expect(normaliseStreet(written)).toBe(normaliseStreet(published));
    expect(normaliseStreet(written)).not.toBe("");
  });

  it.each(DIFFERENT)("%s ≠ %s", (one, other) => {
    expect(normaliseStreet(one)).not.toBe(normaliseStreet(other));
  });
});

describe("street keys", () => {
  it("read as the rules say", () => {
    expect(normaliseStreet("Elm St Mews")).toBe("elm street mews");
    expect(normaliseStreet("St Mary St")).toBe("saint mary street");
    expect(normaliseStreet("12A Upr Marchmont St, London WC1N 1AB")).toBe("upper marchmont street");
    expect(normaliseStreet("On or near Marchmont Street")).toBe("marchmont street");
    expect(normaliseStreet("Sports/recreation Area")).toBe("#sports recreation area");
  });

  it("mark police.uk's generic places as not streets, and everything with words as streets", () => {
    expect(isStreetKey(normaliseStreet("On or near Supermarket"))).toBe(false);
    expect(isStreetKey(normaliseStreet("On or near Parking Area"))).toBe(false);
    expect(isStreetKey(normaliseStreet("Supermarket Street"))).toBe(true);
    expect(isStreetKey(normaliseStreet(" -- "))).toBe(false);
  });

  it("leave a lone word as written", () => {
    expect(normaliseStreet("Street")).toBe("street");
    expect(normaliseStreet("St")).toBe("st");
    expect(normaliseStreet("Rd")).toBe("rd");
  });

  it("are empty when nothing but a prefix, a number or punctuation is given", () => {
    expect(normaliseStreet("On or near")).toBe("");
    expect(normaliseStreet("12")).toBe("");
    expect(normaliseStreet(" -- ")).toBe("");
    expect(normaliseStreet("")).toBe("");
  });
});
