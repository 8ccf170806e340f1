import { installTemporalRuntime } from '../../src/workers/temporal-runtime.js';

// Before any worker or connection exists in this test process: keep the SDK's per-task INFO lines out of
// test output; warnings and errors still show.
installTemporalRuntime('warn');
