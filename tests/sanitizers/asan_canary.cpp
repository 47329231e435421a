// Proves that the ASan run can fail: one write past the end of a heap block. scripts/test
// --sanitize expects AddressSanitizer to report it.
#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char *[])
{
    std::unique_ptr<int[]> block(new int[8]);
    block[7 + argc] = 1;  // argc is 1: index 8 of 8
    std::printf("%d\n", block[0]);
    return 0;
}
