"""boto3 method calls, AWS CLI commands and IAM actions found in a note.

* boto3: ``s3.list_object(...)`` where ``s3 = boto3.client("s3")`` is in the
  same note, ``boto3.client("s3").get_object(...)``, a client variable named
  after its service (``sm_client``, ``s3``), and bare method names in prose
  (``decribe_training_job``), which are reported only when they are a near
  miss of a real method;
* CLI: ``aws [global options] <service> <command>`` at the start of a shell
  line in a code block or a code span;
* IAM: ``prefix:Action`` in prose, code spans and code blocks.
"""

from __future__ import annotations

import re
from typing import Iterator

from notelint.aws.catalog import Catalog
from notelint.aws.text import Run, glued
from notelint.values import Value

_CLIENT = re.compile(
    r"\b([A-Za-z_]\w*)\s*=\s*(?:[\w.]+\.)?(client|resource)\(\s*(?:service_name\s*=\s*)?['\"]([a-z0-9-]+)['\"]"
)
_CHAINED = re.compile(r"\.client\(\s*(?:service_name\s*=\s*)?['\"]([a-z0-9-]+)['\"][^()]*\)\s*\.([a-z_][a-z0-9_]*)\s*\(")
_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.([a-z_][a-z0-9_]*)\s*\(")
_SNAKE = re.compile(r"(?<![\w.])[a-z][a-z0-9]*(?:_[a-z0-9]+){2,}(?![\w])")
# a short variable name for a client: sm -> sagemaker
VARIABLE_SERVICES = {
    "sm": "sagemaker", "smr": "sagemaker-runtime", "runtime": "sagemaker-runtime", "ddb": "dynamodb",
    "dynamo": "dynamodb", "sfn": "stepfunctions", "cw": "cloudwatch", "cwl": "logs", "lambda_": "lambda",
    "awslambda": "lambda", "ec2": "ec2", "s3": "s3", "iam": "iam", "sts": "sts", "kms": "kms",
}
_CLIENT_SUFFIX = re.compile(r"(?:_?client|_cli)$")
_SHELL_START = re.compile(r"(?:^|[;|&(`]|\$\(|\n)\s*(?:\$\s+|sudo\s+|!)?aws\s+", re.M)
_GLOBAL_WITH_VALUE = {
    "--region", "--profile", "--output", "--endpoint-url", "--query", "--ca-bundle", "--cli-read-timeout",
    "--cli-connect-timeout", "--color", "--cli-binary-format",
}
_CLI_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_IAM = re.compile(r"(?<![\w:/.@$-])([a-z][a-z0-9-]{1,40}):([A-Za-z*][A-Za-z0-9*]*)(?![\w:/*-]|\.[A-Za-z])")
_IN_ACTION = re.compile(r"(?:Not)?Action[\"']?\s*[:=]\s*\[?[^\]{}:]*[\"']?$", re.I)
NOT_IAM_PREFIXES = {
    "arn", "aws", "http", "https", "fn", "s3a", "jdbc", "file", "mailto", "ftp", "ssh", "git",
    "service", "prefix", "example",  # placeholders in documentation ("service:ActionName")
}
# prefix:Name strings that are not IAM actions: S3 event types, IoT endpoint types, and the AWS IoT Core
# policy action of the credentials provider, which IoT policies grant and IAM does not have
# (https://docs.aws.amazon.com/iot/latest/developerguide/authorizing-direct-aws.html)
NOT_IAM_ACTIONS = {"s3:TestEvent", "iot:Data", "iot:Jobs", "iot:CredentialProvider", "iot:AssumeRoleWithCertificate"}
_JSON_KEY_AFTER = re.compile(r"[\"']\s*:")
_CONDITION_AFTER = re.compile(r"[`'\"\s]*(?:IAM\s+|global\s+)?condition\s+(?:context\s+)?keys?\b", re.I)
_OPTION_BEFORE = re.compile(r"--[a-z][\w-]*[ =]['\"]?$")
# prose that says the action is gone or wrong: a changelog's "Remove `sqs:SendMessageBatch`
# permission", "`s3:MoveObject` is not a valid action"
_SAID_GONE = re.compile(
    r"\b(?:remov(?:e|ed|es|ing)|deprecat\w*|revok\w*|invalid|not\s+(?:a\s+)?valid|"
    r"(?:does|do)\s*(?:n't|not)\s+exist|no\s+longer|non-?existent)\b",
    re.I,
)


# written out, not a dataclass: notelint.values says why
class Found(Value):
    FIELDS = ("run", "start", "end", "text", "service", "certain", "prefix")
    run: Run
    start: int
    end: int
    text: str
    service: str  # botocore client (method calls) or CLI service command
    certain: bool  # the client is known from the note itself
    prefix: str  # IAM

    def __init__(
        self, run: Run, start: int, end: int, text: str, service: str = "", certain: bool = True, prefix: str =
        "",
    ):
        self.run = run
        self.start = start
        self.end = end
        self.text = text
        self.service = service
        self.certain = certain
        self.prefix = prefix


def client_variables(note_text: str) -> dict[str, tuple[str, str]]:
    """Variable -> ("client" | "resource", service) from assignments anywhere in the note."""
    if "client(" not in note_text and "resource(" not in note_text:
        return {}
    return {m.group(1): (m.group(2), m.group(3)) for m in _CLIENT.finditer(note_text)}


def _variable_service(name: str, catalog: Catalog) -> str | None:
    base = _CLIENT_SUFFIX.sub("", name.lower()) or name.lower()
    if base in VARIABLE_SERVICES:
        return VARIABLE_SERVICES[base]
    candidate = base.replace("_", "-")
    return candidate if candidate in catalog.services and name.lower() != base else None


def method_calls(run: Run, variables: dict[str, tuple[str, str]], catalog: Catalog) -> Iterator[Found]:
    if "(" not in run.text:
        return  # most prose calls nothing: skip the patterns
    for match in _CHAINED.finditer(run.text):
        yield Found(run, match.start(2), match.end(2), match.group(2), match.group(1))
    for match in _CALL.finditer(run.text):
        variable, method = match.group(1), match.group(2)
        known = variables.get(variable)
        if known is not None:
            if known[0] == "client":
                yield Found(run, match.start(2), match.end(2), method, known[1])
            continue
        service = _variable_service(variable, catalog)
        if service is not None:
            yield Found(run, match.start(2), match.end(2), method, service, certain=False)


_KEYWORD = re.compile(r"(?<![\w.*])([A-Za-z_]\w*)\s*=(?!=)")


def keyword_arguments(run: Run, call: Found) -> Iterator[Found]:
    """The keyword arguments of a method call found by ``method_calls``: the
    names before ``=`` at the call's own depth of parentheses (not those of a
    nested call or a dict), up to its closing parenthesis."""
    text = run.text
    open_at = text.find("(", call.end)
    if open_at < 0:
        return
    depth = 0
    index = open_at
    while index < len(text):
        char = text[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return
        elif char in "\"'":
            closing = text.find(char, index + 1)
            if closing < 0:
                return
            index = closing
        elif depth == 1 and (char.isalpha() or char == "_") and (index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "_.*")):
            match = _KEYWORD.match(text, index)
            if match is not None:
                yield Found(run, match.start(1), match.end(1), match.group(1), call.service)
                index = match.end() - 1
            else:
                while index + 1 < len(text) and (text[index + 1].isalnum() or text[index + 1] == "_"):
                    index += 1
        index += 1


def bare_methods(run: Run) -> Iterator[Found]:
    """snake_case names of three or more words in prose (``decribe_training_job``)."""
    if run.text.count("_") < 2:
        return
    for match in _SNAKE.finditer(run.text):
        if not glued(run.text, match.start(), match.end()):
            yield Found(run, match.start(), match.end(), match.group(0), certain=False)


def cli_commands(run: Run) -> Iterator[tuple[Found, Found | None]]:
    """(service word, command word or None) of each ``aws ...`` command line."""
    if run.kind == "code" and not run.text.lstrip().startswith("aws "):
        return
    for match in _SHELL_START.finditer(run.text):
        words: list[Found] = []
        position = match.end()
        skip_value = False
        while len(words) < 2:
            token = re.compile(r"\S+").match(run.text, position)
            if token is None or "\n" in run.text[position : token.start()]:
                break
            word = token.group(0)
            position = token.end()
            while position < len(run.text) and run.text[position] in " \t":
                position += 1
            if skip_value:
                skip_value = False
                continue
            if word.startswith("--"):
                skip_value = word in _GLOBAL_WITH_VALUE
                continue
            if not _CLI_WORD.fullmatch(word):
                break
            words.append(Found(run, token.start(), token.end(), word))
        if words:
            yield words[0], (words[1] if len(words) > 1 else None)


def iam_actions(run: Run) -> Iterator[Found]:
    if ":" not in run.text:
        return
    for match in _IAM.finditer(run.text):
        prefix = match.group(1)
        if prefix in NOT_IAM_PREFIXES or match.group(0) in NOT_IAM_ACTIONS:
            continue
        if _OPTION_BEFORE.search(run.text[max(0, match.start() - 40) : match.start()]):
            continue  # a CLI option's value (--endpoint-type iot:Data-ATS)
        if _JSON_KEY_AFTER.match(run.text, match.end()) or _condition_key_named(run, match.end()):
            continue  # a key of a Condition block, or one the text calls a condition key: not an action
        if run.kind != "block" and _SAID_GONE.search(run.sentence(match.start())):
            continue  # the sentence already says the action is gone or not valid
        yield Found(run, match.start(), match.end(), match.group(2), prefix=prefix)


def _condition_key_named(run: Run, end: int) -> bool:
    """Is the name ending at ``end`` followed by "condition key", in its own
    run or, for a code span, in the prose after it ("`s3:prefix` condition key")?"""
    if _CONDITION_AFTER.match(run.text, end):
        return True
    return end == len(run.text) and bool(_CONDITION_AFTER.match(run.block_text, run.offset + end))


def in_policy(run: Run, index: int) -> bool:
    """Is ``run.text[index]`` in the Action value of a policy in a code block?"""
    if run.kind != "block":
        return False
    return bool(_IN_ACTION.search(run.text[max(0, index - 400) : index]))
