#include "lesson/lessonpanel.h"

#include "i18n/language.h"
#include "spec/experimentspec.h"
#include "spec/presets.h"

#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

LessonPanel::LessonPanel(QWidget *parent) : QWidget(parent), m_text(new QTextBrowser(this)), m_followUp(new QPushButton(this))
{
    setObjectName(QStringLiteral("lessonPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setOpenLinks(false);
    m_text->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_text, 1);
    m_followUp->setObjectName(QStringLiteral("followUp"));
    m_followUp->hide();
    connect(m_followUp, &QPushButton::clicked, this, &LessonPanel::followUpClicked);
    layout->addWidget(m_followUp);
}

QString LessonPanel::html() const { return m_text->toHtml(); }

bool LessonPanel::present(const ExperimentSpec &spec)
{
    const std::optional<presets::Lesson> lesson = presets::lesson(spec.name);
    const std::optional<presets::FollowUp> next = presets::followUp(spec);
    m_followUp->setVisible(lesson && next);
    if (next) {
        m_followUp->setText(next->label);
        m_followUp->setToolTip(next->tip);
    }
    if (!lesson) {
        m_text->clear();
        return false;
    }
    auto e = [](const QString &s) { return s.toHtmlEscaped(); };
    QString h = QStringLiteral("<h3>%1</h3>").arg(e(presets::title(spec.name)));
    h += QStringLiteral("<p><b>%1</b> %2</p>").arg(e(tr("Watch:")), e(lesson->watch));
    h += QStringLiteral("<p><b>%1</b> %2</p>").arg(e(tr("Then:")), e(lesson->next));
    h += QStringLiteral("<h4>%1</h4>").arg(e(tr("Measured")));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr>");
    for (const QString &c : lesson->columns)
        h += QStringLiteral("<th>%1</th>").arg(e(c));
    h += QStringLiteral("</tr>");
    for (const QStringList &row : lesson->rows) {
        h += QStringLiteral("<tr>");
        for (int i = 0; i < row.size(); ++i)
            h += (i == 0 ? QStringLiteral("<td><b>%1</b></td>") : QStringLiteral("<td>%1</td>")).arg(e(row[i]));
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p><small>%1</small></p>").arg(e(tr("%1. Cells of five figures list the seeds in order, with the mean in brackets.").arg(lesson->measured)));
    if (!lesson->sweeps.isEmpty()) {
        h += QStringLiteral("<p><small>%1</small></p><pre>").arg(e(tr("The command line measures the table again, each row over the same "
                                                                       "seeds (a sweep; its results.md holds the table):")));
        for (const QString &command : lesson->sweeps)
            h += e(command) + QLatin1Char('\n');
        h += QStringLiteral("</pre>");
    }
    h += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(e(tr("About this lesson")), e(language::presetDescription(spec.description)));
    const int scrolled = m_text->verticalScrollBar() ? m_text->verticalScrollBar()->value() : 0;
    m_text->setHtml(h);
    m_text->verticalScrollBar()->setValue(scrolled);  // an edit does not send the reader to the top
    return true;
}
