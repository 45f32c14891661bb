"""The editorial roles (groups) and the moderation workflow every page goes through.

Wagtail's own first migrations already create "Editors" and "Moderators" and attach a "Moderators approval"
workflow to the root page; this migration adds "Translators" and "Administrators", and makes sure the root
page's workflow is active, has a group approval task for Moderators and carries an Arabic/French name (its name
shows in the admin and in the notification e-mails). Permissions are given by ``editorial.roles.setup_roles``
after every migrate, once every app's permissions exist.
"""

from django.db import migrations

ROLE_NAMES = ("Editors", "Moderators", "Translators", "Administrators")
WORKFLOW_NAME = "المراجعة قبل النشر · Relecture avant publication"
TASK_NAME = "موافقة المشرفين · Validation des modérateurs"
WAGTAIL_DEFAULT_NAME = "Moderators approval"


def create_roles_and_moderation(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)
    moderators = Group.objects.get(name="Moderators")

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    attached = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    workflow = attached.workflow if attached is not None else None
    if workflow is None or not workflow.active:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    elif workflow.name == WAGTAIL_DEFAULT_NAME:
        workflow.name = WORKFLOW_NAME
        workflow.save(update_fields=["name"])

    task_ids = Task.objects.filter(workflow_tasks__workflow=workflow, active=True).values_list("pk", flat=True)
    tasks = list(GroupApprovalTask.objects.filter(pk__in=list(task_ids)))
    if not tasks:
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        tasks = [task]
    for task in tasks:
        task.groups.add(moderators)
        if task.name == WAGTAIL_DEFAULT_NAME:
            task.name = TASK_NAME
            task.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles_and_moderation, migrations.RunPython.noop)]
