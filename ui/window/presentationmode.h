#pragma once

#include <QByteArray>
#include <QFont>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

// View > Presentation mode (F11): for a class watching a projector. The window goes full
// screen with large type; the experiment dock and the latent explorer step aside so that the
// plots and the 2D lab (or the sample grid) fill the screen. Leaving it restores the layout.
class PresentationMode : public QObject {
    Q_OBJECT
public:
    // `hidden` step aside; `shown` (the samples and the 2D lab) take about half the width.
    // `aside` (slow motion), while it is shown, takes well over a third, so that its diagram and
    // formula are as large as the rest; the plots keep what is left. Views that fold details
    // away for the time listen to switched().
    PresentationMode(QMainWindow *window, QList<QDockWidget *> hidden, QList<QDockWidget *> shown, QDockWidget *aside = nullptr);

    QAction *action() const { return m_action; }
    bool isOn() const { return m_on; }
    void setOn(bool on);

    static constexpr double kScale = 1.7;  // type size against the normal

signals:
    void switched(bool on);  // with the new fonts set, before the layout changes

private:
    void applyFonts(double scale);
    void layOut();  // the docks' widths on the screen, while on

    QMainWindow *m_window;
    QList<QDockWidget *> m_hidden, m_shown;
    QDockWidget *m_aside;
    QAction *m_action;
    bool m_on = false;
    QByteArray m_state;     // the dock layout before
    bool m_wasFullScreen = false;
    QFont m_font;
};
