import { describe, expect, it } from "vitest";
import { calendarDate, chinaTimeToInstant, instantToChinaTime } from "./china-time";

describe("China time", () => {
  it("converts TAPD's zone-less China time to the instant", () => {
    expect(chinaTimeToInstant("2020-02-13 14:04:29")?.toISOString()).toBe("2020-02-13T06:04:29.000Z");
    // shortly after midnight in China is the previous day in UTC
    expect(chinaTimeToInstant("2021-01-01 03:00:00")?.toISOString()).toBe("2020-12-31T19:00:00.000Z");
    expect(chinaTimeToInstant("2021-10-11")?.toISOString()).toBe("2021-10-10T16:00:00.000Z");
  });

  it("treats empty and zero values as missing", () => {
    for (const v of ["", null, undefined, "0000-00-00 00:00:00", "garbage"])
      expect(chinaTimeToInstant(v)).toBeNull();
  });

  it("round-trips through the filter format", () => {
    const at = new Date("2024-05-31T17:30:05.000Z");
    expect(instantToChinaTime(at)).toBe("2024-06-01 01:30:05");
    expect(chinaTimeToInstant(instantToChinaTime(at))?.getTime()).toBe(at.getTime());
  });

  it("keeps calendar dates as dates", () => {
    expect(calendarDate("2021-10-11")).toBe("2021-10-11");
    expect(calendarDate("0000-00-00")).toBeNull();
    expect(calendarDate(null)).toBeNull();
  });
});
