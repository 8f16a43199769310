import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { codeFromScan, qrDetectorClass } from "./barcode";
import { emptyForm, formFromHearing, missingTimes, toNoticeInput } from "./formState";
import { generateSeed, sha256Hex } from "./seed";
import { apiToLocal, localFromNow, localToApi } from "./time";

describe("the draw seed", () => {
  it("is 64 hex digits from crypto.getRandomValues, and its SHA-256 is that of its exact UTF-8 text", async () => {
    const seed = generateSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(generateSeed()).not.toBe(seed);
    expect(await sha256Hex(seed)).toBe(createHash("sha256").update(seed, "utf8").digest("hex"));
  });

  it("matches docs/api.md's example (printf '%s' \"$SEED\" | sha256sum)", async () => {
    const seed = "5fe3f8f13138ea6c3dcb9828e154f11ef741f2843d17c4657998c01e0f82ab5c";
    expect(await sha256Hex(seed)).toBe("03e2f15225287b73d43873a7e7dcf71cc2f946afc2356317c7c756f7b29ddf18");
    // Case and spaces count, as the API's SEED_MISMATCH says.
    expect(await sha256Hex(seed.toUpperCase())).not.toBe(await sha256Hex(seed));
    expect(await sha256Hex(`${seed}\n`)).not.toBe(await sha256Hex(seed));
  });

  it("uses the random source it is given", () => {
    const fixed = (bytes: Uint8Array) => bytes.fill(0xab);
    expect(generateSeed(fixed)).toBe("ab".repeat(32));
  });
});

describe("QR scanning feature detection", () => {
  const camera = { mediaDevices: { getUserMedia: () => Promise.resolve() } };
  class Detector {
    static getSupportedFormats = () => Promise.resolve(["qr_code", "ean_13"]);
  }

  it("offers scanning only with both BarcodeDetector (reading QR codes) and a camera", async () => {
    expect(await qrDetectorClass({ BarcodeDetector: Detector, navigator: camera })).toBe(Detector);
    expect(await qrDetectorClass({ navigator: camera })).toBeUndefined();
    expect(await qrDetectorClass({ BarcodeDetector: Detector, navigator: {} })).toBeUndefined();
    expect(await qrDetectorClass({ BarcodeDetector: Detector })).toBeUndefined();
    class NoQr {
      static getSupportedFormats = () => Promise.resolve(["ean_13"]);
    }
    expect(await qrDetectorClass({ BarcodeDetector: NoQr, navigator: camera })).toBeUndefined();
  });

  it("never throws, even when the browser's API does", async () => {
    class Broken {
      static getSupportedFormats = () => Promise.reject(new Error("not allowed"));
    }
    expect(await qrDetectorClass({ BarcodeDetector: Broken, navigator: camera })).toBeUndefined();
    expect(await qrDetectorClass({ BarcodeDetector: "nope", navigator: camera })).toBeUndefined();
    // jsdom, like many browsers, has neither: the screen falls back to code entry.
    expect(await qrDetectorClass()).toBeUndefined();
  });

  it("takes the code out of a scan", () => {
    expect(codeFromScan("  NW2C-V3HK\n")).toBe("NW2C-V3HK");
  });
});

describe("times in Beijing time", () => {
  it("sends datetime-local values with +08:00 and shows API instants back in the same zone", () => {
    expect(localToApi("2026-12-17T14:30")).toBe("2026-12-17T14:30:00+08:00");
    expect(localToApi("")).toBe("");
    expect(localToApi("2026-12-17")).toBe("");
    expect(apiToLocal("2026-12-17T06:30:00+00:00")).toBe("2026-12-17T14:30");
    expect(apiToLocal(null)).toBe("");
    expect(localFromNow(1, 9, new Date("2026-11-27T20:00:00Z"))).toBe("2026-11-29T09:00");
  });
});

describe("the notice form", () => {
  it("turns the form into the API's input: offered categories only, publicity consistent", () => {
    const values = { ...emptyForm("2", new Date("2026-11-27T02:00:00Z")), title: "座谈会" };
    values.quotas = { ...values.quotas, EXPERT: " 2 ", PUBLIC: "3", ENTERPRISE: "" };
    values.isPublic = false;
    values.notPublicReason = "涉及个人隐私";
    values.streamUrl = "https://live.example.gov.cn/x";
    const input = toNoticeInput(values);
    expect(input.categories).toEqual([
      { category: "EXPERT", quota: 2 },
      { category: "PUBLIC", quota: 3 },
    ]);
    expect(input).toMatchObject({ isPublic: false, publicMethods: [], streamUrl: "", notPublicReason: "涉及个人隐私" });
    expect(input.startsAt).toBe("2026-12-18T09:00:00+08:00");
    expect(input.consultationId).toBeNull();
    expect(input.decisionKind).toBeNull();
    values.quotas.PUBLIC = "2.5";
    expect(toNoticeInput(values).categories[1]).toEqual({ category: "PUBLIC", quota: 0 });
  });

  it("names missing times before anything is sent", () => {
    const values = { ...emptyForm("2"), startsAt: "", registrationClosesAt: "x" };
    expect(missingTimes(values)).toEqual(["startsAt", "registrationClosesAt"]);
  });

  it("reads a draft back into the form", () => {
    const form = formFromHearing({
      id: "7",
      unitId: "2",
      unit: "杭州市规划和自然资源局",
      consultationId: "1",
      kind: "SYMPOSIUM",
      kindLabel: "座谈会",
      decisionKind: "major_decision",
      decisionKindLabel: "重大行政决策",
      title: "座谈会",
      agenda: "",
      startsAt: "2026-12-17T06:30:00+00:00",
      endsAt: null,
      venue: "三楼",
      streamUrl: "",
      registrationOpensAt: "2026-11-28T01:00:00+00:00",
      registrationClosesAt: "2026-12-07T09:00:00+00:00",
      registrationOpen: false,
      seats: 4,
      categories: [{ category: "EXPERT", label: "专家", quota: 4 }],
      selectionMethod: "DRAW",
      selectionRules: "抽签",
      isPublic: true,
      publicMethods: ["audience"],
      publicMethodsLabel: "公众旁听",
      notPublicReason: "",
      observersInvited: false,
      status: "DRAFT",
      statusLabel: "草稿",
      noticeDays: 10,
      publishedAt: null,
      cancelledReason: "",
      openedAt: null,
      participantListPublishedAt: null,
      registrationCounts: null,
      draw: null,
      materials: { deliveredAt: null, daysBeforeHearing: null, requiredDays: null, onTime: false, overrideReason: "", note: null },
    });
    expect(form).toMatchObject({ decisionKind: "MAJOR_DECISION", startsAt: "2026-12-17T14:30", consultationId: "1", endsAt: "" });
    expect(form.quotas.EXPERT).toBe("4");
    expect(form.quotas.PUBLIC).toBe("");
  });
});
