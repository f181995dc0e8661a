// Tests score as of dates of their own: the scoring service's daily run (as of today) would add runs
// they did not ask for. The test of that run starts it itself.
process.env.TIANPING_DAILY_RUN_AT ??= 'off';
