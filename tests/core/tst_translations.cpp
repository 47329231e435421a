// The translations are complete and current: lupdate run on today's sources against a copy of
// each committed .ts must find nothing new (unfinished) and nothing gone (vanished/obsolete),
// every translation keeps its source's placeholders, and the compiled-in files are the ones
// the program loads.
#include "i18n/language.h"
#include "spec/presets.h"
#include "spec/shapeinference.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Message {
    QString context;
    QString source;
    QStringList translations;  // one per plural form
    QString type;               // "", "unfinished", "vanished", "obsolete"
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    QList<Message> messages;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            m = Message{context, {}, {}, {}};
        else if (xml.name() == QLatin1String("source"))
            m.source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either text, or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    m.translations << xml.readElementText();
            }
            if (m.translations.isEmpty())
                m.translations << text;
            messages << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%L?(\\d+|n)"));
    QSet<QString> found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    return found;
}

QString tsDir() { return QStringLiteral(GP_TS_DIR); }

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void tsFilesAreCurrentAndComplete_data();
    void tsFilesAreCurrentAndComplete();
    void translationsKeepTheirPlaceholders();
    void programSpeaksChinese();
};

void TestTranslations::tsFilesAreCurrentAndComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("zh_CN") << QStringLiteral("gan-playground_zh_CN.ts") << false;
    QTest::newRow("en") << QStringLiteral("gan-playground_en.ts") << true;
}

void TestTranslations::tsFilesAreCurrentAndComplete()
{
    QFETCH(QString, file);
    QFETCH(bool, pluralOnly);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(file);
    QVERIFY(QFile::copy(QDir(tsDir()).filePath(file), copy));
    // The options of `update_translations`, except that what vanished stays in the file to be seen.
    QStringList args{QStringLiteral("-locations"), QStringLiteral("none")};
    for (const char *folder : {"core", "ui", "app"})
        args << QStringLiteral("-I") << QStringLiteral(GP_SOURCE_ROOT "/%1").arg(QLatin1String(folder));
    if (pluralOnly)
        args << QStringLiteral("-pluralonly");
    args << QStringLiteral("@" GP_I18N_LIST) << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.start(QStringLiteral(GP_LUPDATE), args);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QCOMPARE(lupdate.exitCode(), 0);
    QString error;
    const QList<Message> messages = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    QStringList behind;
    for (const Message &m : messages) {
        const bool empty = std::all_of(m.translations.begin(), m.translations.end(), [](const QString &t) { return t.isEmpty(); });
        if (!m.type.isEmpty() || empty)
            behind << QStringLiteral("%1 [%2] %3").arg(m.type.isEmpty() ? QStringLiteral("empty") : m.type, m.context, m.source.left(90));
    }
    QVERIFY2(behind.isEmpty(), qPrintable(QStringLiteral("%1 of %2 messages in %3 need work (update with "
                                                         "`cmake --build build --target update_translations`, then translate):\n%4")
                                              .arg(behind.size()).arg(messages.size()).arg(file, behind.mid(0, 40).join(QLatin1Char('\n')))));
}

void TestTranslations::translationsKeepTheirPlaceholders()
{
    QString error;
    const QList<Message> messages = readTs(QDir(tsDir()).filePath(QStringLiteral("gan-playground_zh_CN.ts")), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 500);
    QStringList wrong;
    int chinese = 0;
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    for (const Message &m : messages) {
        const QSet<QString> expected = placeholders(m.source);
        for (const QString &t : m.translations) {
            QSet<QString> got = placeholders(t);
            // A Chinese plural form need not repeat %n ("%n 个线程" does, "线程" would not be wrong).
            if (got != expected && !(expected.contains(QStringLiteral("n")) && (got + QSet<QString>{QStringLiteral("n")}) == expected))
                wrong << QStringLiteral("[%1] %2 -> %3").arg(m.context, m.source.left(60), t.left(60));
        }
        if (han.match(m.translations.join(QString())).hasMatch())
            ++chinese;
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    // Written in Chinese, not copied: all but formulas and names ("LSGAN", "x̂") hold Han characters.
    QVERIFY2(chinese > messages.size() * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(chinese).arg(messages.size())));
}

void TestTranslations::programSpeaksChinese()
{
    QCOMPARE(language::current(), QStringLiteral("en"));
    QVERIFY(language::apply(QStringLiteral("zh_CN")));
    QCOMPARE(language::current(), QStringLiteral("zh_CN"));
    // An engine problem sentence, built with arguments, in Chinese.
    LOAD_PRESET(spec, "dcgan-fashion");
    spec.generator.layers[0].outFeatures += 1;
    const Shape images{1, 28, 28};
    const QStringList problems = ShapeInference::analyze(spec, images).problems;
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().contains(QStringLiteral("生成器")), qPrintable(problems.first()));
    // The built-in experiments' descriptions.
    LOAD_PRESET(ring, "mlp-ring8");
    const QString described = language::presetDescription(ring.description);
    QVERIFY2(described != ring.description && described.contains(QStringLiteral("判别器")), qPrintable(described));
    // Every preset has a title, and it is translated (the menu shows it).
    for (const QString &name : presets::names()) {
        QVERIFY2(!presets::title(name).isEmpty(), qPrintable(QStringLiteral("preset %1 has no title (core/spec/presets.cpp)").arg(name)));
        ExperimentSpec preset;
        QCOMPARE(presets::load(name, &preset), QString());
        const QString title = presets::title(name);
        QVERIFY2(title.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))),
                 qPrintable(QStringLiteral("preset %1's title has no Chinese: %2").arg(name, title)));
        QVERIFY2(language::presetDescription(preset.description) != preset.description,
                 qPrintable(QStringLiteral("preset %1's description is not translated").arg(name)));
    }
    // A user's own description is left as it is.
    QCOMPARE(language::presetDescription(QStringLiteral("my own")), QStringLiteral("my own"));
    // Back to English at once.
    QVERIFY(language::apply(QStringLiteral("en")));
    QVERIFY(ShapeInference::analyze(spec, images).problems.first().startsWith(QStringLiteral("generator")));
    QCOMPARE(language::presetDescription(ring.description), ring.description);
    QCOMPARE(presets::title(QStringLiteral("lesson-mode-collapse")), QStringLiteral("Lesson: mode collapse"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
