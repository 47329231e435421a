// Proves that the TSan run can fail: a worker writes what the event loop then reads through a
// queued call, with no lock. scripts/test --tsan expects ThreadSanitizer to report it; were the
// options or suppressions ever to hide our own races, this test would fail.
#include <QCoreApplication>
#include <QTimer>

#include <thread>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::vector<float> data(4096);
    std::thread worker([&data] {
        for (size_t i = 0; i < data.size(); ++i)
            data[i] = float(i);
    });
    double sum = 0;
    QTimer::singleShot(0, &app, [&] {
        for (float v : data)
            sum += v;
        QCoreApplication::quit();
    });
    app.exec();
    worker.join();
    return sum < 0;
}
