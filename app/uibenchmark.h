#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <vector>

class MainWindow;

// `gan-playground --benchmark-ui SECONDS`: trains the open experiment in the real window with
// the live dashboard on and measures what a user feels: training images/s, and how late a
// 10 ms timer fires on the GUI thread (the event loop's lateness), and how long a latent slider
// move takes to reach the screen (synthetic moves at 20 Hz once the run has published a
// generator). Prints one JSON line.
class UiBenchmark : public QObject {
    Q_OBJECT
public:
    UiBenchmark(MainWindow *window, double seconds, QString screenshotPath, QObject *parent = nullptr);
    void start();

signals:
    void finished(int exitCode);

private:
    void tick();
    void moveSlider();
    void finish();

    MainWindow *m_window;
    double m_seconds;
    QString m_screenshot;
    QTimer m_probe;
    QTimer m_slider;
    int m_moves = 0;
    QElapsedTimer m_clock, m_sinceTick;
    std::vector<double> m_lateness;  // ms per tick of the probe timer
    std::int64_t m_firstStep = -1, m_lastStep = 0;
    double m_firstElapsed = 0, m_lastElapsed = 0;
    bool m_done = false;
};
