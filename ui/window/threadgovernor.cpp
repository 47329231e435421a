#include "window/threadgovernor.h"

#include "widgets/widgetevents.h"

#include "training/trainingcontroller.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QSettings>
#include <QThread>

namespace {
constexpr int kProbeMs = 10;
const char *const kModeKey = "training/threads";
}  // namespace

ThreadGovernor::ThreadGovernor(TrainingController *training, QWidget *window)
    : QObject(window), m_training(training), m_mode(ThreadPolicy::fromKey(QSettings().value(QLatin1String(kModeKey)).toString()).value_or(ThreadPolicy::Mode::Adaptive)),
      m_label(new QLabel(window))
{
    m_label->setObjectName(QStringLiteral("threadStatus"));
    m_label->hide();  // while a run is active
    m_clock.start();
    m_probe.setTimerType(Qt::PreciseTimer);
    m_probe.setInterval(kProbeMs);
    connect(&m_probe, &QTimer::timeout, this, &ThreadGovernor::tick);
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State s) {
        if (s == TrainingController::State::Running) {
            m_sinceTick.start();
            m_probe.start();
        } else {
            m_probe.stop();
        }
        m_label->setVisible(s != TrainingController::State::Idle && s != TrainingController::State::Following);
        apply();
    });
    qApp->installEventFilter(this);
    widgetevents::retranslated(m_label, [this] { showStatus(); });
}

ThreadGovernor::~ThreadGovernor() { qApp->removeEventFilter(this); }

void ThreadGovernor::addMenu(QMenu *training)
{
    QMenu *menu = training->addMenu(QString());
    menu->setObjectName(QStringLiteral("threadsMenu"));
    menu->setToolTipsVisible(true);
    m_choices = new QActionGroup(menu);
    const std::pair<ThreadPolicy::Mode, const char *> modes[] = {{ThreadPolicy::Mode::Adaptive, "threadsAdaptiveAction"},
                                                                  {ThreadPolicy::Mode::KeepCore, "threadsKeepCoreAction"},
                                                                  {ThreadPolicy::Mode::AllCores, "threadsAllCoresAction"}};
    for (const auto &[mode, name] : modes) {
        QAction *a = menu->addAction(QString());
        a->setObjectName(QLatin1String(name));
        a->setCheckable(true);
        a->setChecked(mode == m_mode);
        a->setData(int(mode));
        m_choices->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode = mode] { setMode(mode); });
    }
    widgetevents::retranslated(menu, [this, menu] {
        menu->setTitle(tr("T&hreads"));
        const int cores = QThread::idealThreadCount();
        for (QAction *a : m_choices->actions())
            switch (ThreadPolicy::Mode(a->data().toInt())) {
            case ThreadPolicy::Mode::Adaptive:
                a->setText(tr("&All Cores While the Window Is Calm"));
                a->setToolTip(tr("Trains with the experiment's threads (at most the %n core(s) of this machine) and with one "
                                 "fewer for a moment whenever you work in the window, it falls behind or the image quality is "
                                 "measured, so that the window stays smooth and the measures do not hold up every step",
                                 nullptr, cores));
                break;
            case ThreadPolicy::Mode::KeepCore:
                a->setText(tr("&Keep a Core for the Window"));
                a->setToolTip(tr("Always one thread fewer than the machine has cores: slower, but every step uses the same "
                                 "count"));
                break;
            case ThreadPolicy::Mode::AllCores:
                a->setText(tr("All &Cores"));
                a->setToolTip(tr("Always the experiment's threads, up to every core: the fastest, but the window may "
                                 "stutter while it trains"));
                break;
            }
    });
}

void ThreadGovernor::setMode(ThreadPolicy::Mode mode)
{
    m_mode = mode;
    QSettings().setValue(QLatin1String(kModeKey), ThreadPolicy::key(mode));
    if (m_choices)
        for (QAction *a : m_choices->actions())
            a->setChecked(ThreadPolicy::Mode(a->data().toInt()) == mode);
    const bool background = m_policy.backgroundWork();
    m_policy = ThreadPolicy(m_mode, m_wanted, QThread::idealThreadCount());
    m_policy.setBackgroundWork(background);
    apply(true);
}

void ThreadGovernor::runStarted(int threads)
{
    m_wanted = threads;
    const bool background = m_policy.backgroundWork();  // the new run's measures may have begun
    m_policy = ThreadPolicy(m_mode, m_wanted, QThread::idealThreadCount());
    m_policy.setBackgroundWork(background);
    apply(true);  // before the first step: the run starts with the spec's count otherwise
}

void ThreadGovernor::setBackgroundWork(bool working)
{
    m_policy.setBackgroundWork(working);
    apply();
}

bool ThreadGovernor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseMove:
        if (static_cast<QMouseEvent *>(event)->buttons() == Qt::NoButton)
            break;  // a pointer passing over the window asks nothing of it
        Q_FALLTHROUGH();
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        if (m_probe.isActive()) {  // while the run trains
            m_policy.noteActivity(m_clock.elapsed());
            apply();
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void ThreadGovernor::tick()
{
    const double late = double(m_sinceTick.nsecsElapsed()) / 1e6 - kProbeMs;
    m_sinceTick.restart();
    m_policy.noteLateness(late, m_clock.elapsed());
    apply();
    emit ticked(late);
}

void ThreadGovernor::apply(bool force)
{
    const int threads = m_policy.threads(m_clock.elapsed());
    if (threads == m_applied && !force)
        return;
    m_applied = threads;
    m_training->setThreads(threads);
    showStatus();
}

void ThreadGovernor::showStatus()
{
    const int threads = m_applied > 0 ? m_applied : m_policy.most();
    QString text = tr("%n thread(s)", nullptr, threads);
    if (threads < m_policy.most())
        text = m_mode != ThreadPolicy::Mode::Adaptive ? tr("%1 (a core kept for the window)").arg(text)
            : m_policy.backgroundWork()              ? tr("%1 (of %2: image quality is being measured)").arg(text).arg(m_policy.most())
                                                     : tr("%1 (of %2: the window is busy)").arg(text).arg(m_policy.most());
    m_label->setText(text);
    m_label->setToolTip(tr("Training threads now. Training > Threads chooses how a run shares this machine's %n core(s) with the window.",
                           nullptr, QThread::idealThreadCount()));
}
