#pragma once

#include <QWidget>

class QPushButton;
class QTextBrowser;
struct ExperimentSpec;

// The Lesson tab of a lesson preset: what to watch, what to change next (with a button that
// makes the change, one undo step, or opens the next lesson), the table of the figures the
// lesson cites, and its whole description; in the window's language, scrolling, never cut.
class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(QWidget *parent = nullptr);

    // Shows `spec`'s lesson; false (and nothing shown) when it is not a lesson. (Not show():
    // QWidget's own stays as it is.)
    bool present(const ExperimentSpec &spec);
    QString html() const;  // what it shows, for tests

signals:
    void followUpClicked();

private:
    QTextBrowser *m_text;
    QPushButton *m_followUp;
};
