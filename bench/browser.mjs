// What the browser benchmarks share: the network/CPU profiles, the median,
// and how Chromium is launched (bench/first-render.mjs, bench/lang-switch.mjs).
import { chromium } from "playwright-core";

/** Local, and a slow phone: DevTools' "Fast 3G" with the CPU slowed 4×. */
export const PROFILES = [
  { name: "local", network: null, cpu: 1 },
  { name: "Fast 3G + 4× slower CPU", network: { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 }, cpu: 4 },
];

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Headless Debian Chromium with the flags this machine needs. */
export const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
