"""Mentions that name something other than the service the knowledge base speaks of, or that already
say what happened to it: an artifact a heading labels by its kind ("## Debugger (algorithm)"), the title
of a page a link cites, a table-of-contents line, a library named after the service in the possessive,
a sentence that records the rename itself, a still-current service or an SDK that a retired name heads,
a dated row of a document's history table, a blog or a forum named after a service, a caveat about
what a retired or closed thing does not support, advice to switch it off, a heading over nothing but
index links, and (NL301) an everyday word that heads a compound after an acronym ("VPC config").

Each class was a false finding on the public corpora (bench/results/2026-12-03-precision-nl3-nl5.md);
the examples here are written for these tests, and each negative case has a positive twin that stays."""

from tests.helpers import found, note


def _stale(body: str) -> list[tuple]:
    return found(note(body), "NL5")


# -- a heading that labels an artifact by its kind -------------------------------------------------------
def test_a_heading_qualified_by_an_artifact_kind_is_not_a_claim():
    assert _stale("""
        ## Elastic Inference (algorithm)

        ## SageMaker Debugger \\(container images\\)

        ## Edge Manager (SDK)
        """) == []


def test_a_heading_with_an_acronym_or_a_status_in_parentheses_is_still_reported():
    assert _stale("""
        ## AWS DeepLens (Preview)

        ## Amazon Augmented AI (A2I)
        """) == [("NL502", 5, 4, 5, 16), ("NL503", 7, 4, 7, 23)]


# -- link texts that name a page --------------------------------------------------------------------------
def test_the_title_of_a_page_in_the_same_guide_is_not_a_mention():
    # the rename is reported once per note: at the first mention outside the title
    assert _stale("""
        See [Getting started with Amazon SageMaker notebooks](nb.md) first.

        Amazon SageMaker hosts the model.
        """) == [("NL501", 7, 1, 7, 17)]


def test_a_short_link_text_that_is_the_name_is_still_a_mention():
    assert _stale("""
        [Amazon SageMaker](sm.md) hosts the model.
        """) == [("NL501", 5, 2, 5, 18)]


def test_a_table_of_contents_line_indented_with_entities_is_not_a_mention():
    assert _stale("""
        &nbsp;&nbsp;[AWS Data Pipeline](#data-pipeline)  
        &nbsp;&nbsp;[Tips](#tips)
        """) == []


def test_a_link_to_a_section_inside_a_sentence_is_still_a_mention():
    assert _stale("""
        Copy the tables with [AWS Data Pipeline](#data-pipeline) every night.
        """) == [("NL503", 5, 23, 5, 40)]


# -- a library named after the service --------------------------------------------------------------------
def test_a_library_named_in_the_possessive_kept_its_name():
    assert _stale("""
        Use Amazon SageMaker's data parallelism library for large batches.

        Amazon SageMaker's built-in algorithms cover tabular data.
        """) == [("NL501", 7, 1, 7, 17)]


# -- a sentence that records the rename --------------------------------------------------------------------
def test_used_to_be_known_as_records_the_rename():
    assert _stale("""
        ## Events

        * used to be known as CloudWatch Events
        """) == []


def test_successor_of_records_the_rename():
    assert _stale("""
        ## Search

        * the successor of Amazon Elasticsearch Service
        """) == []


def test_the_old_name_without_a_record_is_still_reported():
    assert _stale("""
        ## Events

        * send the events to CloudWatch Events
        """) == [("NL501", 7, 22, 7, 39)]


# -- NL507: a retired name at the head of a current service or of an SDK ----------------------------------
def test_a_retired_name_heading_a_current_service_in_the_singular_or_an_sdk():
    assert _stale("""
        Open an AWS CodeStar connection to Bitbucket.

        Build the app with the AWS Mobile SDK for Android.
        """) == []


def test_a_retired_name_heading_another_word_is_still_reported():
    assert _stale("""
        Build the app with AWS Mobile Hub.
        """) == [("NL507", 5, 20, 5, 30)]


# -- NL301: an everyday word after an acronym --------------------------------------------------------------
def test_an_everyday_name_after_an_acronym_heads_a_compound():
    assert found(note("""
        AWS Config records resource changes.

        Endpoint updates keep the VPC config, KMS key and subnets.
        """), "NL3") == []


def test_an_everyday_name_in_a_list_of_services_is_still_reported():
    assert found(note("""
        AWS Config records resource changes.

        Send S3, config and CloudTrail events to the bucket.
        """), "NL3") == [("NL301", 7, 10, 7, 16)]


def test_a_former_name_phrase_speaks_only_of_the_name_after_it():
    # "successor to AWS Single Sign-On" records that rename, not the one of Amazon SageMaker beside it
    assert _stale("""
        Sign in with IAM Identity Center (successor to AWS Single Sign-On) to your Amazon SageMaker domain.
        """) == [("NL501", 5, 76, 5, 92)]


def test_a_bold_link_above_its_description_still_presents_the_feature():
    # not a table of contents: the block has a line that is not a link
    assert _stale("""
        **[AWS Data Pipeline](pipeline.md)**  
        Copies data between stores on a schedule.
        """) == [("NL503", 5, 4, 5, 21)]


def test_a_table_of_contents_entry_under_a_heading_that_lends_its_subject_is_not_a_claim():
    assert _stale("""
        # SageMaker Debugger framework profiling

        **Topics**
        + [Profiling Framework Operations](#profile-framework)
        + [Debugging Model Output Tensors](#debug-tensors)
        """) == []


def test_the_same_claim_in_a_list_item_of_prose_is_still_reported():
    assert _stale("""
        # SageMaker Debugger framework profiling

        + Profiling framework operations shows slow operators.
        """) == [("NL502", 7, 3, 7, 55)]


# -- a closed service named where access to it is set up -----------------------------------------------------
def test_setting_up_access_to_a_closed_service_is_not_a_recommendation():
    # existing customers still configure roles and policies for it
    assert _stale("""
        Choose an IAM role with the required Amazon Forecast permissions attached.

        Add a trust relationship with AWS Cloud9 to the role.
        """) == []


def test_an_iam_policy_example_for_a_closed_service_is_not_a_recommendation():
    assert _stale("""
        The following policy restricts a user to one Amazon Forecast dataset group.
        """) == []


def test_a_closed_service_whose_client_is_gone_serves_no_one_even_in_a_permission_sentence():
    # Elastic Inference: closed in 2023, its client left botocore; a policy named after a
    # feature ("Vault Lock Policy") is not access set-up either
    assert _stale("""
        This permission is needed only if you attach an Amazon Elastic Inference accelerator.

        To prevent deletion in Glacier vaults, use a Glacier Vault Lock Policy.
        """) == [("NL503", 5, 49, 5, 73), ("NL503", 7, 24, 7, 31)]


def test_using_a_closed_service_or_permissions_for_a_retired_one_are_still_reported():
    assert _stale("""
        Use Amazon Forecast to predict demand for each store.

        The role also holds AWS DeepLens permissions.
        """) == [("NL503", 5, 5, 5, 20), ("NL502", 7, 21, 7, 33)]


# -- NL301: a service in a CLI command written without "aws" -------------------------------------------------
def test_a_service_before_an_operation_in_cli_form_is_a_command():
    assert found(note("""
        Lambda tags EBS snapshots (ec2 create-snapshot, ec2 describe-snapshots) every night.
        """), "NL3") == []


def test_a_lowercase_service_before_a_plain_word_is_still_reported():
    assert found(note("""
        Lambda tags EBS snapshots of ec2 instances every night.
        """), "NL3") == [("NL301", 5, 30, 5, 33)]


# -- a section whose heading says its subject is gone ----------------------------------------------------------
def test_a_section_under_a_deprecated_heading_is_the_notice_itself():
    assert _stale("""
        ## AWS ClassicLink (Deprecated)

        > EC2-Classic or AWS ClassicLink links instances to a VPC.

        ## Networking

        EC2-Classic instances share one flat network.
        """) == [("NL502", 11, 1, 11, 12)]


def test_a_title_that_records_a_rename_does_not_speak_for_its_sections():
    assert _stale("""
        # Firehose (formerly Kinesis Data Firehose)

        ## Setup

        EC2-Classic instances share one flat network.
        """) == [("NL502", 9, 1, 9, 12)]


# -- a dated row of a document's history ---------------------------------------------------------------------
def test_a_dated_row_under_a_revision_history_heading_is_a_record_not_a_claim():
    # the rename is reported at the first mention outside the history table
    assert _stale("""
        # Revision history

        | Change | Description | Date |
        | --- | --- | --- |
        | Event rules | Send changes to CloudWatch Events. | March 3, 2019 |

        ## Usage

        Send changes to CloudWatch Events.
        """) == [("NL501", 13, 17, 13, 34)]


def test_a_dated_row_of_a_changelog_page_is_a_record_not_a_claim():
    text = note("""
        | Release | Release date | Notes |
        | --- | --- | --- |
        | 1.2 | 2020-05-01 | Stream the events to AWS Data Pipeline. |
        """)
    assert found(text, "NL5", path="docs/CHANGELOG.md") == []
    assert found(text, "NL5", path="docs/pipelines.md") == [("NL503", 7, 43, 7, 60)]


def test_the_same_row_without_a_date_column_or_a_history_heading_is_still_reported():
    assert _stale("""
        # Revision history

        | Change | Description |
        | --- | --- |
        | Event rules | Send changes to CloudWatch Events. |
        """) == [("NL501", 9, 33, 9, 50)]
    assert _stale("""
        # Event routing

        | Change | Description | Date |
        | --- | --- | --- |
        | Event rules | Send changes to CloudWatch Events. | March 3, 2019 |
        """) == [("NL501", 9, 33, 9, 50)]


# -- a publication named after a service ---------------------------------------------------------------------
def test_a_blog_or_a_forum_named_after_a_retired_service_is_not_the_service():
    assert _stale("""
        The [AWS Mobile blog](https://example.com/mobile) has testing examples.

        Ask on the AWS Mobile forums.
        """) == []


def test_the_retired_service_itself_or_a_blog_post_about_it_is_still_reported():
    # (a retired client is reported once per note: one note each)
    assert _stale("""
        Build the back end with AWS Mobile Hub.
        """) == [("NL507", 5, 25, 5, 35)]
    assert _stale("""
        Read the AWS Mobile blog post on it.
        """) == [("NL507", 5, 10, 5, 20)]


# -- a caveat about what a retired or closed thing lacks (session 7) -----------------------------------------
def test_a_clause_that_says_what_it_does_not_support_is_a_caveat_not_a_reliance():
    assert _stale("""
        Job bookmarks are not supported in AWS Glue version 2.0 streaming jobs.

        Amazon Augmented AI does not support Amazon SNS notifications for work teams.

        Framework profiling with SageMaker Debugger is not available for MXNet models.
        """) == []


def test_the_same_thing_taught_a_recommendation_after_the_caveat_or_another_negation_is_still_reported():
    # the second line's caveat is about 2.0; its other clause recommends 1.0, which is reported;
    # "doesn't need" is no lack of support: the sentence teaches DeepLens
    assert _stale("""
        AWS Glue version 2.0 supports job bookmarks for streaming jobs.

        Glue 2.0 does not support development endpoints; use Glue 1.0 for them.

        DeepLens doesn't need any coding skills to run a sample project.
        """) == [("NL502", 5, 1, 5, 9), ("NL502", 7, 1, 7, 5), ("NL502", 9, 1, 9, 9)]


def test_a_caveat_about_a_retired_client_and_an_index_heading_are_not_reported_as_retired_either():
    # neither NL503/NL502 (the knowledge base) nor NL507 (botocore dropped the client)
    assert _stale("""
        You can't attach Amazon Elastic Inference accelerators to multi-model endpoints.

        Workers will not receive notifications about Amazon Augmented AI tasks.

        ### AWS OpsWorks
        [General info](./opsworks.md#general-info)
        """) == []


def test_a_recommendation_in_a_parenthesis_beside_a_negation_is_its_own_clause():
    assert _stale("""
        DynamoDB has no bulk loader (you can use AWS Data Pipeline for it), but S3 imports exist.

        Amazon Elastic Inference accelerators attach to multi-model endpoints.
        """) == [("NL503", 5, 42, 5, 59), ("NL503", 7, 1, 7, 25)]


# -- advice to switch it off --------------------------------------------------------------------------------
def test_advice_to_turn_off_or_disable_a_closed_service_is_not_a_recommendation():
    assert _stale("""
        If you turn on SageMaker Debugger, the compiled training slows down. We recommend that you turn off Debugger while you compile.

        Disable Amazon Forecast predictors you no longer query to save cost.
        """) == []


def test_the_service_taught_or_something_else_switched_off_is_still_reported():
    assert _stale("""
        SageMaker Debugger watches the gradients of your training job; turn off the profiler when you do not need it.

        Amazon Forecast predicts demand from your sales history.
        """) == [("NL503", 5, 1, 5, 19), ("NL503", 7, 1, 7, 16)]


# -- a heading of an index ------------------------------------------------------------------------------------
def test_a_heading_over_nothing_but_links_into_the_guide_is_an_index_entry():
    assert _stale("""
        # Index

        ### AWS Data Pipeline
        [General info](./pipeline.md#general-info)
        ### AWS Cloud9
        &nbsp;&nbsp;[Setup](./cloud9.md#setup)  
        &nbsp;&nbsp;[Pricing](./cloud9.md#pricing)
        """) == []


def test_a_heading_over_prose_or_over_a_link_to_another_site_is_still_reported():
    assert _stale("""
        # Index

        ### AWS Data Pipeline
        Data Pipeline copies tables every night. See [General info](./pipeline.md#general-info).
        ### AWS Cloud9
        [Cloud9 on the AWS site](https://aws.amazon.com/cloud9/)
        """) == [("NL503", 7, 5, 7, 22), ("NL503", 8, 1, 8, 14), ("NL503", 9, 5, 9, 15)]


# -- history: a claim closed before the change, a name at its launch ---------------------------------------
def test_a_statement_dated_before_the_change_or_naming_a_product_at_its_launch_is_history():
    assert _stale("""
        Until 2019, S3 overwrite PUTs were eventually consistent in every region.

        Kinesis Data Streams was simply called Kinesis before Kinesis Analytics was launched.
        """) == []


def test_a_date_after_the_change_or_a_launch_in_another_clause_is_still_reported():
    assert _stale("""
        S3 overwrite PUTs are eventually consistent, as they were until 2025.

        Kinesis Analytics runs SQL on a stream; it was launched in 2016.

        Kinesis Analytics, which launched in 2016, runs SQL on a stream.
        """) == [("NL504", 5, 1, 5, 3), ("NL502", 7, 1, 7, 18), ("NL502", 9, 1, 9, 18)]


# -- a claim qualified to what it still holds for -----------------------------------------------------------
def test_one_instance_per_volume_is_right_for_the_volume_types_without_multi_attach():
    # Multi-Attach is only for Provisioned IOPS io1/io2: "a gp3 / standard volume attaches to one instance" is right
    assert _stale("""
        * A gp3 EBS volume can only be attached to one EC2 instance.
        * A standard EBS volume attaches to one instance at a time.
        * An EBS volume can only be attached to one EC2 instance.
        """) == [("NL504", 7, 6, 7, 9)]
