// The latest-wins worker every renderer and background job runs on: newest job per slot,
// generations that drop stale results, cancel, and the rest between jobs.

#include "training/latestworker.h"

#include <QElapsedTimer>
#include <QTest>

#include <chrono>
#include <mutex>
#include <thread>

class TestLatestWorker : public QObject {
    Q_OBJECT
private slots:
    void aBurstRunsTheFirstAndTheNewest();
    void slotsKeepTheirOwnNewestAndRunLowestFirst();
    void renewDropsPendingWorkAndStaleDeliveries();
    void cancelRaisesTheRunningJobsFlag();
    void restKeepsTheWorkerModest();
    void goingAwayMidJobStopsTheJob();
};

namespace {
// Holds the worker's thread in a job until release().
struct Gate {
    std::mutex mutex;
    std::condition_variable wake;
    bool open = false, entered = false;
    void pass()
    {
        std::unique_lock<std::mutex> lock(mutex);
        entered = true;
        wake.notify_all();
        wake.wait(lock, [this] { return open; });
    }
    void waitEntered()
    {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [this] { return entered; });
    }
    void release()
    {
        std::lock_guard<std::mutex> lock(mutex);
        open = true;
        wake.notify_all();
    }
};
}  // namespace

void TestLatestWorker::aBurstRunsTheFirstAndTheNewest()
{
    LatestWorker worker(QStringLiteral("test"));
    QObject receiver;
    Gate gate;
    std::vector<int> ran, delivered;
    std::mutex ranMutex;
    worker.post([&](const LatestWorker::Context &) { gate.pass(); });
    gate.waitEntered();
    for (int i = 0; i < 100; ++i)
        worker.post([&, i](const LatestWorker::Context &job) {
            {
                std::lock_guard<std::mutex> lock(ranMutex);
                ran.push_back(i);
            }
            worker.deliver(&receiver, job.generation, [&delivered, i] { delivered.push_back(i); });
        });
    gate.release();
    QTRY_COMPARE(delivered.size(), size_t(1));
    QCOMPARE(delivered.front(), 99);  // the newest value, once
    QCOMPARE(worker.jobsRun(), 2);
    QTRY_VERIFY(!worker.busy());
    std::lock_guard<std::mutex> lock(ranMutex);
    QCOMPARE(ran, std::vector<int>{99});
}

void TestLatestWorker::slotsKeepTheirOwnNewestAndRunLowestFirst()
{
    LatestWorker worker(QStringLiteral("test"));
    QObject receiver;
    Gate gate;
    std::vector<int> delivered;
    worker.post([&](const LatestWorker::Context &) { gate.pass(); });
    gate.waitEntered();
    auto post = [&](int slot, int value) {
        LatestWorker::Post options;
        options.slot = slot;
        worker.post([&, value](const LatestWorker::Context &job) {
            worker.deliver(&receiver, job.generation, [&delivered, value] { delivered.push_back(value); });
        }, options);
    };
    post(2, 20);
    post(1, 10);
    post(2, 21);
    post(1, 11);
    gate.release();
    QTRY_COMPARE(delivered.size(), size_t(2));
    QCOMPARE(delivered, (std::vector<int>{11, 21}));
}

void TestLatestWorker::renewDropsPendingWorkAndStaleDeliveries()
{
    LatestWorker worker(QStringLiteral("test"));
    QObject receiver;
    Gate gate;
    std::vector<int> delivered;
    bool pendingRan = false;
    const quint64 first = worker.generation();
    worker.post([&](const LatestWorker::Context &job) {
        gate.pass();
        QVERIFY(job.cancel);  // renew asked it to give up; it delivers anyway
        worker.deliver(&receiver, job.generation, [&delivered] { delivered.push_back(1); });
    });
    gate.waitEntered();
    LatestWorker::Post other;
    other.slot = 1;
    worker.post([&](const LatestWorker::Context &) { pendingRan = true; }, other);
    const quint64 second = worker.renew();
    QVERIFY(second != first);
    QCOMPARE(worker.generation(), second);
    worker.post([&](const LatestWorker::Context &job) {
        QCOMPARE(job.generation, second);
        QVERIFY(!job.cancel);
        worker.deliver(&receiver, job.generation, [&delivered] { delivered.push_back(2); });
    });
    gate.release();
    QTRY_COMPARE(delivered.size(), size_t(1));
    QTest::qWait(50);  // nothing of the old generation comes late
    QCOMPARE(delivered, std::vector<int>{2});
    QVERIFY(!pendingRan);
}

void TestLatestWorker::cancelRaisesTheRunningJobsFlag()
{
    LatestWorker worker(QStringLiteral("test"));
    std::atomic<bool> sawCancel{false}, started{false};
    worker.post([&](const LatestWorker::Context &job) {
        started = true;
        QElapsedTimer clock;
        clock.start();
        while (!job.cancel && clock.elapsed() < 10000)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        sawCancel = job.cancel.load();
    });
    QTRY_VERIFY(started);
    QVERIFY(worker.busy());
    worker.cancel();
    QTRY_VERIFY(!worker.busy());
    QVERIFY(sawCancel);
    // A job posted with cancelsRunning makes the running one give way the same way.
    std::atomic<bool> second{false};
    started = false;
    sawCancel = false;
    worker.post([&](const LatestWorker::Context &job) {
        started = true;
        while (!job.cancel)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        sawCancel = true;
    });
    QTRY_VERIFY(started);
    LatestWorker::Post replacing;
    replacing.cancelsRunning = true;
    worker.post([&](const LatestWorker::Context &job) { second = !job.cancel; }, replacing);
    QTRY_VERIFY(second);
    QVERIFY(sawCancel);
}

void TestLatestWorker::restKeepsTheWorkerModest()
{
    LatestWorker worker(QStringLiteral("test"));
    worker.setRest(4);
    using Clock = std::chrono::steady_clock;
    Clock::time_point firstEnd, secondStart, urgentStart;
    std::atomic<int> done{0};
    worker.post([&](const LatestWorker::Context &) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        firstEnd = Clock::now();
        ++done;
    });
    QTRY_COMPARE(done.load(), 1);
    worker.post([&](const LatestWorker::Context &) {
        secondStart = Clock::now();
        ++done;
    });
    QTRY_COMPARE_WITH_TIMEOUT(done.load(), 2, 5000);
    // 50 ms of work earns 200 ms of rest.
    const double rested = std::chrono::duration<double, std::milli>(secondStart - firstEnd).count();
    QVERIFY2(rested >= 190, qPrintable(QString::number(rested)));
    // A job that does not rest skips the rest (a new run's setup).
    worker.post([&](const LatestWorker::Context &) { std::this_thread::sleep_for(std::chrono::milliseconds(50)); ++done; });
    QTRY_COMPARE(done.load(), 3);
    const Clock::time_point posted = Clock::now();
    LatestWorker::Post urgent;
    urgent.rests = false;
    worker.post([&](const LatestWorker::Context &) {
        urgentStart = Clock::now();
        ++done;
    }, urgent);
    QTRY_COMPARE(done.load(), 4);
    const double waited = std::chrono::duration<double, std::milli>(urgentStart - posted).count();
    QVERIFY2(waited < 150, qPrintable(QString::number(waited)));
}

void TestLatestWorker::goingAwayMidJobStopsTheJob()
{
    std::atomic<bool> started{false}, stopped{false};
    QElapsedTimer clock;
    {
        LatestWorker worker(QStringLiteral("test"));
        worker.post([&](const LatestWorker::Context &job) {
            started = true;
            while (!job.cancel)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            stopped = true;
        });
        QTRY_VERIFY(started);
        clock.start();
    }  // the destructor cancels and joins
    QVERIFY(stopped);
    QVERIFY(clock.elapsed() < 2000);
}

QTEST_GUILESS_MAIN(TestLatestWorker)
#include "tst_latestworker.moc"
