#pragma once

#include <QDialog>

class QComboBox;
class QTextBrowser;

// Help > User Guide: what a GAN is in one screen, the parts of the window and the lessons, with
// pictures, in English and in Simplified Chinese (the system's language first). Non-modal: the
// window stays usable beside it.
class UserGuide : public QDialog {
    Q_OBJECT
public:
    explicit UserGuide(QWidget *parent = nullptr);

    // "en" or "zh_CN"; anything else shows the English guide.
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    QTextBrowser *browser() const { return m_browser; }
    // The guide's language for a locale: Chinese for any Chinese locale, else English.

private:
    QComboBox *m_languages;
    QTextBrowser *m_browser;
    QString m_language;
};
