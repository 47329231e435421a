#include "window/presentationmode.h"

#include "widgets/widgetevents.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QScreen>
#include <QTimer>

#include <qcustomplot.h>

PresentationMode::PresentationMode(QMainWindow *window, QList<QDockWidget *> hidden, QList<QDockWidget *> shown)
    : QObject(window), m_window(window), m_hidden(std::move(hidden)), m_shown(std::move(shown))
{
    m_action = new QAction(this);
    m_action->setObjectName(QStringLiteral("presentationAction"));
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F11));
    widgetevents::retranslated(window, [this] {
        m_action->setText(tr("&Presentation Mode"));
        m_action->setStatusTip(tr("Full screen, large type, plots and the 2D lab only: for a projector (F11 again to leave)"));
    });
    connect(m_action, &QAction::toggled, this, &PresentationMode::setOn);
}

void PresentationMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    if (m_action->isChecked() != on)
        m_action->setChecked(on);
    if (on) {
        m_state = m_window->saveState();
        m_wasFullScreen = m_window->isFullScreen();
        m_font = m_window->font();
        for (QDockWidget *d : m_hidden)
            d->hide();
        applyFonts(kScale);
        emit switched(true);
        m_window->showFullScreen();
        // Without a window manager full screen does not resize: fit the screen once the new
        // fonts have laid out.
        QTimer::singleShot(0, m_window, [w = m_window] {
            if (QScreen *screen = w->screen())
                w->setGeometry(screen->geometry());
        });
        // The plots and the samples / 2D lab share the screen about equally.
        QList<int> widths;
        for (int i = 0; i < m_shown.size(); ++i)
            widths << int(m_window->width() * 0.45);
        m_window->resizeDocks(m_shown, widths, Qt::Horizontal);
    } else {
        applyFonts(1.0);
        emit switched(false);
        m_window->restoreState(m_state);
        if (!m_wasFullScreen)
            m_window->showNormal();
    }
}

void PresentationMode::applyFonts(double scale)
{
    QFont big = m_font;
    big.setPointSizeF(m_font.pointSizeF() * scale);
    m_window->setFont(big);
    // QCustomPlot keeps its own fonts per axis and legend: scale them too.
    for (QCustomPlot *plot : m_window->findChildren<QCustomPlot *>()) {
        QFont f = plot->font();
        f.setPointSizeF(m_font.pointSizeF() * scale);
        QFont small = f;
        small.setPointSizeF(f.pointSizeF() * 0.9);
        for (QCPAxisRect *rect : plot->axisRects())
            for (QCPAxis *axis : rect->axes()) {
                axis->setLabelFont(f);
                axis->setTickLabelFont(small);
            }
        plot->legend->setFont(small);
        for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
            if (auto *scaleBar = qobject_cast<QCPColorScale *>(plot->plotLayout()->elementAt(i))) {
                scaleBar->axis()->setLabelFont(f);
                scaleBar->axis()->setTickLabelFont(small);
            }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}
