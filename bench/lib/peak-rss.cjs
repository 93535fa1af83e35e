// Preloaded into a process the benchmark times (node --require): prints its peak resident set
// size at exit. Worker threads share the process, so their memory counts too.
process.on('exit', () => {
  require('node:fs').writeSync(2, `OSPO_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
