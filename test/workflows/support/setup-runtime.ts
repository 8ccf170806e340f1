import { installTemporalRuntime } from '../../../src/workers/temporal-runtime.js';

// Before any worker or connection exists in this test process. The tier makes activities fail on purpose,
// and each failure is an SDK warning: only errors show.
installTemporalRuntime('error');
