"""The officer's use cases, one function or small class each, between the widgets and the model.

No widgets here: the GUI (menus, buttons, drag and drop, shortcuts) and the command line call
these, and none of them re-implements a rule. See docs/architecture.md.
"""
