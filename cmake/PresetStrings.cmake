# Writes the preset descriptions as QT_TRANSLATE_NOOP("Presets", ...) lines, so that lupdate
# puts them in the .ts beside the window's strings. The English text stays in the JSON; the file
# written here is read by lupdate only, never compiled.
#   cmake -DOUT=file.cpp -DPRESETS="a.json;b.json" -P PresetStrings.cmake
set(text "// Generated from resources/presets/*.json by cmake/PresetStrings.cmake; read by lupdate only.\n")
foreach(f ${PRESETS})
    file(READ "${f}" json)
    string(JSON description ERROR_VARIABLE missing GET "${json}" description)
    if(missing OR description STREQUAL "")
        continue()
    endif()
    get_filename_component(name "${f}" NAME_WE)
    # A C string literal: backslashes, quotes and line breaks escaped.
    string(REPLACE "\\" "\\\\" description "${description}")
    string(REPLACE "\"" "\\\"" description "${description}")
    string(REPLACE "\n" "\\n" description "${description}")
    string(APPEND text "//: The description of the built-in experiment \"${name}\".\n")
    string(APPEND text "QT_TRANSLATE_NOOP(\"Presets\", \"${description}\")\n")
endforeach()
file(WRITE "${OUT}.new" "${text}")
file(COPY_FILE "${OUT}.new" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.new")
