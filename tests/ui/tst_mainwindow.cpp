#include "mainwindow.h"

#include <QLabel>
#include <QTableWidget>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void opensEveryPreset();
};

void TestMainWindow::opensEveryPreset()
{
    MainWindow w;
    QVERIFY(w.openPreset(QStringLiteral("dcgan-fashion")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("dcgan-fashion")));
    auto *generator = w.findChild<QTableWidget *>(QStringLiteral("generatorTable"));
    auto *discriminator = w.findChild<QTableWidget *>(QStringLiteral("discriminatorTable"));
    QVERIFY(generator && discriminator);
    QCOMPARE(generator->rowCount(), 10);  // 9 generator layers + total
    QCOMPARE(generator->item(4, 1)->text(), QStringLiteral("[64, 14, 14]"));
    QCOMPARE(discriminator->rowCount(), 8);
    QCOMPARE(discriminator->item(7, 1)->text(), QStringLiteral("[1]"));
    QVERIFY(w.openPreset(QStringLiteral("mlp-ring8")));
    QCOMPARE(generator->item(generator->rowCount() - 1, 1)->text(), QStringLiteral("[2]"));
    QVERIFY(!w.openPreset(QStringLiteral("no-such-preset")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
