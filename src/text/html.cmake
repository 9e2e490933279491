# The HTML reader; included by src/text/CMakeLists.txt.
target_sources(dyad PRIVATE ${CMAKE_CURRENT_LIST_DIR}/html.cc)
dyad_test(text_html_test ${CMAKE_CURRENT_LIST_DIR}/html_test.cc)
