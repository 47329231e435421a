// One libFuzzer target: GP_FUZZ_TARGET names the function of fuzzers.h it drives.
#include "fuzzers.h"

#include <QtGlobal>

// Qt's and libpng's warnings about each broken input ("libpng error: IDAT: CRC error") would
// fill the log; what matters is a crash, a leak or a hang, which libFuzzer reports itself.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) { return fuzzers::GP_FUZZ_TARGET(data, size); }
