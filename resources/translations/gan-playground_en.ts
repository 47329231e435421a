<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LayerStackEditor</name>
    <message numerus="yes">
        <source>%n problem(s): hover a red layer to read it</source>
        <translation>
            <numerusform>%n problem: hover the red layer to read it</numerusform>
            <numerusform>%n problems: hover a red layer to read them</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>&lt;p&gt;Matrix products: %1, %2 GFLOP/s with %n thread(s) (measured at start-up).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Matrix products: %1, %2 GFLOP/s with %n thread (measured at start-up).&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Matrix products: %1, %2 GFLOP/s with %n threads (measured at start-up).&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunActions</name>
    <message numerus="yes">
        <source>Training with %n thread(s), keeping a core for the window; the command line uses %1.</source>
        <translation>
            <numerusform>Training with %n thread, keeping a core for the window; the command line uses %1.</numerusform>
            <numerusform>Training with %n threads, keeping a core for the window; the command line uses %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message numerus="yes">
        <source>%n real point(s) from %1</source>
        <translation>
            <numerusform>%n real point from %1</numerusform>
            <numerusform>%n real points from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>First %n real sample(s) of %1, %2×%3×%4</source>
        <translation>
            <numerusform>First %n real sample of %1, %2×%3×%4</numerusform>
            <numerusform>First %n real samples of %1, %2×%3×%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>experiment:        %1 (batch %2, %n thread(s))</source>
        <translation>
            <numerusform>experiment:        %1 (batch %2, %n thread)</numerusform>
            <numerusform>experiment:        %1 (batch %2, %n threads)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s):</source>
        <translation>
            <numerusform>%n problem:</numerusform>
            <numerusform>%n problems:</numerusform>
        </translation>
    </message>
</context>
</TS>
