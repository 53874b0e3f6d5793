# A `# noqa` applies to every line of the logical line it ends, as in
# flake8: black puts the comment of a split class header on its last line,
# while the finding is reported on the `class` line.


class Silenced(
    ExceptionGroup[Exception]
):  # noqa: ASYNC126
    pass


class SilencedOnFirstLine(  # noqa: ASYNC126
    ExceptionGroup[Exception]
):
    pass


class OtherCodeSilenced(  # want: ASYNC126
    ExceptionGroup[Exception]
):  # noqa: ASYNC251
    pass


class CommentInBody(  # want: ASYNC126
    ExceptionGroup[Exception]
):
    pass  # noqa: ASYNC126
